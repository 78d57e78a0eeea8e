import { useState } from 'react';
import { sessionFromToken, type Session } from '../session';

/**
 * Local sign-in: paste a token from `npm run token`. The browser only reads its claims to
 * pick a starting page; the gateway verifies it on every request.
 */
export function SignIn(props: { onSignIn: (session: Session) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <main className="sign-in">
      <h1>主体责任动态监管平台</h1>
      <p className="muted">纪委监委工作台 · Commission dashboard</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          try {
            props.onSignIn(sessionFromToken(text.replace(/^Bearer\s+/i, '')));
          } catch (caught) {
            setError(caught instanceof Error ? caught.message : String(caught));
          }
        }}
      >
        <label htmlFor="token">令牌 Token</label>
        <textarea id="token" name="token" rows={5} value={text} onChange={(event) => setText(event.target.value)} placeholder="eyJhbGciOiJFUzI1NiIs…" />
        {error && <p className="error">{error}</p>}
        <button type="submit">登录 Sign in</button>
      </form>
      <p>本地获取令牌 / a token for local use:</p>
      <pre>npm run token -- --level city --code 120000 --role commission --role analyst{'\n'}npm run token -- --level district --code 120117 --role commission</pre>
    </main>
  );
}
