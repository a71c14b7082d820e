interface ImportMetaEnv {
  /** Origin of the API when it is not the page origin (e.g. `http://localhost:3000`). */
  readonly VITE_API_BASE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
