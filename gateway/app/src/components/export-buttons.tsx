import { useState } from 'react';
import { useSession } from '../session-context';

/**
 * Downloads a list from the gateway's export endpoint. The request carries the token in its
 * Authorization header (a plain link could not), so the gateway applies the caller's read rules.
 */
export function ExportButtons(props: { list: string; params?: Record<string, string | undefined> }) {
  const session = useSession();
  const [error, setError] = useState<string | null>(null);
  const download = async (format: 'csv' | 'xlsx') => {
    setError(null);
    const query = new URLSearchParams(
      Object.entries(props.params ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    const response = await fetch(`/export/${props.list}.${format}?${query}`, {
      headers: { authorization: `Bearer ${session.token}` },
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { errors?: { message: string }[] } | null;
      setError(body?.errors?.map((e) => e.message).join('；') ?? `导出失败 / export failed (HTTP ${response.status})`);
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = `${props.list}.${format}`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <span className="export">
      <button type="button" onClick={() => void download('csv')}>导出 CSV</button>
      <button type="button" onClick={() => void download('xlsx')}>导出 Excel</button>
      {error && <span className="error">{error}</span>}
    </span>
  );
}
