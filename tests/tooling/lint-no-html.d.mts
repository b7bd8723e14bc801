export interface HtmlSinkFinding {
  file: string;
  line: number;
  column: number;
  sink: string;
  text: string;
}
export declare const SINKS: { name: string; pattern: RegExp }[];
export declare const SCANNED_DIRS: string[];
export declare const SCANNED_EXTENSIONS: string[];
export declare function findHtmlSinks(text: string, file: string): HtmlSinkFinding[];
export declare function listScannedFiles(root: string): string[];
export declare function lintTree(root: string): HtmlSinkFinding[];
