/** Whether a process of this machine runs: `kill(pid, 0)` sends nothing, and EPERM means alive, someone else's. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
