/** What PostgreSQL returns for a json or jsonb column: the same types kysely-codegen writes. */
export type Json = JsonValue

export type JsonArray = JsonValue[]

export type JsonObject = { [key: string]: JsonValue | undefined }

export type JsonPrimitive = boolean | number | string | null

export type JsonValue = JsonArray | JsonObject | JsonPrimitive
