/** `news/2023/harbour.txt` → `harbour`; a name that starts with its only dot (`.env`) keeps it. */
export function fileStem(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
