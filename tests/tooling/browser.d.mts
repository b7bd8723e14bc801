export declare const INSTALL_HINT: string;
export declare function findChromium(): Promise<{ path: string; source: string } | null>;
export declare function ensureChromium(): Promise<{ path: string; source: string }>;
export declare const FIREFOX_INSTALL_HINT: string;
export declare function findFirefox(): { path: string; source: string } | null;
export declare function ensureFirefox(): Promise<{ path: string; source: string }>;
export declare function chromiumArgs(extensionDir: string): string[];
