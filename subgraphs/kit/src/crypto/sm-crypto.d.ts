// sm-crypto 0.5.8 ships no types; only the functions the platform calls are declared.
declare module 'sm-crypto' {
  interface Sm2SignatureOptions {
    /** true: sign SM3(Z || message) as GB/T 32918.2 prescribes (Z from the user id and the public key). */
    hash?: boolean;
    der?: boolean;
    publicKey?: string;
    userId?: string;
  }
  export const sm2: {
    generateKeyPairHex(): { privateKey: string; publicKey: string };
    getPublicKeyFromPrivateKey(privateKey: string): string;
    doSignature(message: string | number[] | Uint8Array, privateKey: string, options?: Sm2SignatureOptions): string;
    doVerifySignature(message: string | number[] | Uint8Array, signature: string, publicKey: string, options?: Sm2SignatureOptions): boolean;
  };
  export function sm3(message: string | number[] | Uint8Array): string;
}
