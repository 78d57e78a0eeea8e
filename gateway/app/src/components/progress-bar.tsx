/** A progress value 0–100 as a bar with its figure. */
export function ProgressBar(props: { value: number }) {
  const value = Math.max(0, Math.min(100, props.value));
  return (
    <span className="progress" title={`${value}%`}>
      <span className="bar" style={{ width: `${value * 1.2}px` }} />
      <span className="figure">{value.toFixed(1)}%</span>
    </span>
  );
}
