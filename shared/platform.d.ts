// The WHATWG Encoding API exists in every runtime shared/ code runs in (Chromium, Node >= 20),
// but shared's tsconfig has no DOM lib. Only the members shared/ uses are declared; the shapes
// match lib.dom.d.ts so the declarations merge when a layer compiles shared/ with DOM.

interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}

interface TextDecoder {
  readonly encoding: string;
  decode(input?: Uint8Array): string;
}

// eslint-disable-next-line no-var -- only `var` merges with lib.dom.d.ts's declaration
declare var TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: TextDecoderOptions): TextDecoder;
};

interface TextEncoder {
  encode(input?: string): Uint8Array;
}

// eslint-disable-next-line no-var -- as above
declare var TextEncoder: {
  prototype: TextEncoder;
  new (): TextEncoder;
};
