/** Fixture files imported as text (vite's ?raw), for tests that run inside workerd without a file system. */
declare module "*?raw" {
  const text: string;
  export default text;
}
