// graphql-codegen configuration: types for the schema and for every
// operation written with graphql(`...`) in src/, generated into src/gql/.
// enumsAsTypes keeps each enum once (combining the `typescript` and
// `typescript-operations` plugins by hand emits some of them twice), and
// the custom scalars map to what they are on the wire.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "schema/*.graphqls",
  documents: ["src/**/*.ts", "!src/gql/**"],
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Date: "string", Decimal: "string" },
      },
    },
  },
  silent: true,
};

export default config;
