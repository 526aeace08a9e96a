package com.nextpanel.addons.catalog.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code addon.json} and validates it, reporting every problem at once: unknown fields, wrong
 * types and broken rules each become a {@link ManifestProblem} naming its field, and all of them travel
 * in one {@link CatalogException} with {@link ErrorCode#MANIFEST_INVALID}.
 */
public final class ManifestReader {

    /** Upper bound for {@code addon.json}; a manifest is a few KiB. */
    public static final int MAX_MANIFEST_BYTES = 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ManifestReader() {
    }

    /** @throws CatalogException {@link ErrorCode#IO} when unreadable, {@link ErrorCode#MANIFEST_INVALID} when invalid */
    public static Manifest read(Path file) {
        try {
            if (Files.size(file) > MAX_MANIFEST_BYTES) {
                throw new CatalogException(ErrorCode.MANIFEST_INVALID,
                        file + ": manifest larger than " + MAX_MANIFEST_BYTES + " bytes");
            }
            return read(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new CatalogException(ErrorCode.IO, "cannot read manifest " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param source how messages name the document (a file, {@code pkg.zip!addon.json})
     * @throws CatalogException {@link ErrorCode#MANIFEST_INVALID} listing every problem
     */
    public static Manifest read(byte[] json, String source) {
        List<ManifestProblem> problems = new ArrayList<>();
        Manifest manifest = parse(json, problems);
        if (!problems.isEmpty()) {
            throw invalid(source, problems);
        }
        return manifest;
    }

    /** @return every problem of the document; empty when it is a valid manifest */
    public static List<ManifestProblem> problems(byte[] json) {
        List<ManifestProblem> problems = new ArrayList<>();
        parse(json, problems);
        return problems;
    }

    /** @return the manifest, or null with at least one problem added */
    private static Manifest parse(byte[] json, List<ManifestProblem> problems) {
        RawManifest raw = bind(json, problems);
        if (raw == null) {
            return null;
        }
        Manifest manifest = new ManifestValidator(problems).validate(raw);
        return problems.isEmpty() ? manifest : null;
    }

    /**
     * Checks a package's migration files: each {@code migrations/...} name must be
     * {@code migrations/V<n>__<name>.sql} directly in that folder, and no two may share a version.
     * Names outside {@code migrations/} are ignored.
     *
     * @param entryNames the package's entry names or paths relative to its root, with {@code /}
     * @return every problem found, each naming its file; empty when all is well
     */
    public static List<ManifestProblem> checkMigrations(Collection<String> entryNames) {
        List<ManifestProblem> problems = new ArrayList<>();
        Map<String, String> byVersion = new HashMap<>();
        for (String name : entryNames.stream().sorted().toList()) {
            if (!name.startsWith("migrations/") || name.equals("migrations/")) {
                continue;
            }
            String file = name.substring("migrations/".length());
            var migration = file.contains("/") ? java.util.Optional.<MigrationFile>empty() : MigrationFile.parse(file);
            if (migration.isEmpty()) {
                problems.add(new ManifestProblem(name,
                        "not a migration name: expected migrations/V<n>__<name>.sql, e.g. migrations/V1__create_tables.sql"));
                continue;
            }
            String previous = byVersion.putIfAbsent(migration.get().normalisedVersion(), name);
            if (previous != null) {
                problems.add(new ManifestProblem(name, "duplicate migration version "
                        + migration.get().normalisedVersion() + " (also " + previous + ")"));
            }
        }
        return problems;
    }

    /** @return the exception that reports the problems of {@code source} */
    public static CatalogException invalid(String source, List<ManifestProblem> problems) {
        List<String> lines = problems.stream().map(ManifestProblem::toString).toList();
        return new CatalogException(ErrorCode.MANIFEST_INVALID,
                "invalid manifest " + source + ": " + String.join("; ", lines), lines);
    }

    private static RawManifest bind(byte[] json, List<ManifestProblem> problems) {
        ObjectReader reader = MAPPER.readerFor(RawManifest.class).withHandler(new CollectingHandler(problems));
        try {
            RawManifest raw = reader.readValue(json);
            if (raw == null) {
                problems.add(new ManifestProblem("(document)", "must be a JSON object"));
            }
            return raw;
        } catch (JsonMappingException e) {
            problems.add(new ManifestProblem(path(e.getPath()), e.getOriginalMessage()));
            return null;
        } catch (JsonProcessingException e) {
            problems.add(new ManifestProblem("(document)", "not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr())));
            return null;
        } catch (IOException e) {
            throw new CatalogException(ErrorCode.IO, "cannot read manifest: " + e.getMessage(), e);
        }
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "(document)" : sb.toString();
    }

    private static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.add(0, "." + c.getCurrentName());
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    /**
     * FAIL_ON_UNKNOWN_PROPERTIES stays on, but instead of stopping at the first unknown field or wrong
     * type, each one is recorded and skipped so that the author sees them all at once.
     */
    private static final class CollectingHandler extends DeserializationProblemHandler {
        private final List<ManifestProblem> problems;

        CollectingHandler(List<ManifestProblem> problems) {
            this.problems = problems;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                                             JsonDeserializer<?> deserializer, Object beanOrClass,
                                             String propertyName) throws IOException {
            problems.add(new ManifestProblem(fieldPath(p), "unknown field"));
            p.skipChildren();
            return true;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t,
                                            JsonParser p, String failureMsg) throws IOException {
            problems.add(new ManifestProblem(fieldPath(p),
                    "expected " + describe(targetType) + " but found " + describe(t)));
            p.skipChildren();
            return null;
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                                                com.fasterxml.jackson.databind.deser.ValueInstantiator valueInsta,
                                                JsonParser p, String msg) throws IOException {
            problems.add(new ManifestProblem(fieldPath(p),
                    "expected " + describe(ctxt.constructType(instClass)) + " but found " + describe(p.currentToken())));
            p.skipChildren();
            return null;
        }

        /**
         * The field the parser is at. On a scalar the context is the object holding the field; on
         * {@code [} or {@code {} the parser has already entered the value's own context.
         */
        private static String fieldPath(JsonParser p) {
            JsonStreamContext context = p.getParsingContext();
            if ((p.currentToken() == JsonToken.START_ARRAY || p.currentToken() == JsonToken.START_OBJECT)
                    && context.getParent() != null) {
                context = context.getParent();
            }
            String path = path(context);
            return path.isEmpty() ? "(document)" : path;
        }

        private static String describe(JavaType type) {
            if (type.isCollectionLikeType() || type.isArrayType()) {
                return "a list";
            }
            if (type.isMapLikeType() || !type.getRawClass().getName().startsWith("java.")) {
                return "an object";
            }
            return type.getRawClass() == String.class ? "a string" : type.getRawClass().getSimpleName();
        }

        private static String describe(JsonToken t) {
            return switch (t) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "a list";
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case VALUE_NULL -> "null";
                default -> t.asString() == null ? t.name() : t.asString();
            };
        }
    }
}
