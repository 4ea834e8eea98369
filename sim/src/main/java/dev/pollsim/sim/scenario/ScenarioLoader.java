package dev.pollsim.sim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.pollsim.sim.trace.TraceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads scenario YAML strictly: unknown fields, duplicate keys, wrong types and malformed
 * durations are refused with a {@link ScenarioException} naming the file, line, column and
 * field. Thread-safe.
 */
public final class ScenarioLoader {

    private static final Map<String, String> TYPE_NAMES = Map.of(
            "int", "a whole number",
            "java.lang.Integer", "a whole number",
            "long", "a whole number",
            "java.lang.Long", "a whole number",
            "double", "a number",
            "java.lang.Double", "a number",
            "java.lang.String", "a text value",
            "java.util.List", "a list");

    /** A section's refusal that begins with one of its keys: {@code "daemons must be ..."}. */
    private static final Pattern LEADING_KEY = Pattern.compile("([A-Za-z][A-Za-z0-9]*) ");
    /** Jackson's prefix before the message of a value our own readers refused. */
    private static final Pattern WEIRD_VALUE =
            Pattern.compile("^Cannot deserialize value of type `[^`]*` from (String|Integer|Number) [^:]*: ");

    /** Context attribute and injectable value naming the file being read, for located values. */
    public static final String SOURCE = PolicySetReader.SOURCE;

    private final YAMLMapper mapper;

    public ScenarioLoader() {
        mapper = YAMLMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
    }

    /** Reads a scenario file. */
    public Scenario load(Path file) {
        return parse(readText(file), file.toString());
    }

    /**
     * A YAML input file's text, UTF-8.
     *
     * @throws ScenarioException naming the file when it is missing or cannot be read
     */
    public static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": no such file");
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads scenario YAML.
     *
     * @param source the file or preset name used in messages
     */
    public Scenario parse(String yaml, String source) {
        if (yaml.isBlank()) {
            throw ScenarioException.at(source, 0, 0, "", "the scenario is empty; expected at least a workload");
        }
        ObjectReader reader = mapper.readerFor(Scenario.class)
                .withAttribute(PolicySetReader.SOURCE, source)
                .with(new InjectableValues.Std().addValue(PolicySetReader.SOURCE, source));
        try {
            Scenario s = reader.readValue(yaml);
            if (s == null) {
                throw ScenarioException.at(source, 0, 0, "", "the scenario is empty; expected at least a workload");
            }
            return s;
        } catch (JsonProcessingException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof TraceException) {
                    throw (TraceException) c;
                }
            }
            throw describe(source, yaml, e);
        }
    }

    /**
     * Reads YAML of another pollsim contract (a budgets file) into {@code type}, as strictly as a
     * scenario and with the same {@code file:line:column: field: what} messages, so that every
     * input file of pollsim is refused the same way. Deserializers find {@code source} under the
     * context attribute and injectable value {@link #SOURCE}.
     *
     * @param source the file name used in messages
     * @return the value, or {@code null} for a document without content (blank, or comments only)
     * @throws ScenarioException on any bad input
     */
    public <T> T read(String yaml, String source, Class<T> type) {
        ObjectReader reader = mapper.readerFor(type)
                .withAttribute(SOURCE, source)
                .with(new InjectableValues.Std().addValue(SOURCE, source));
        try {
            try (JsonParser p = mapper.createParser(yaml)) {
                if (p.nextToken() == null) {
                    return null;
                }
            }
            return reader.readValue(yaml);
        } catch (JsonProcessingException e) {
            throw describe(source, yaml, e);
        } catch (IOException e) {
            throw new ScenarioException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    private ScenarioException describe(String source, String yaml, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String field = "";
        String what;
        if (e instanceof JsonMappingException) {
            List<JsonMappingException.Reference> refs = ((JsonMappingException) e).getPath();
            field = path(e instanceof UnrecognizedPropertyException && !refs.isEmpty()
                    ? refs.subList(0, refs.size() - 1) : refs);
            what = what(e, field);
            JsonLocation key = locate(yaml, refs);
            // a section that refused a value of its own ("daemons must be at least 1") names the
            // value's key; else ("a trace needs file") its own key, not its end, which may lie
            // past the document's last line
            boolean refused = e instanceof ValueInstantiationException;
            JsonLocation named = refused ? locateNamed(yaml, refs, what) : null;
            if (named != null) {
                key = named;
            }
            if (key != null && (at == null || at.getLineNr() <= 0 || refused
                    || e instanceof UnrecognizedPropertyException)) {
                at = key;
            }
        } else {
            what = what(e, field);
        }
        int line = at == null ? 0 : at.getLineNr();
        int column = at == null ? 0 : at.getColumnNr();
        return ScenarioException.at(source, line, column, field, what);
    }

    /**
     * Finds where the key at {@code refs} is written, by re-reading the document; Jackson loses
     * locations when it buffers tokens (records, polymorphic types).
     */
    private JsonLocation locate(String yaml, List<JsonMappingException.Reference> refs) {
        if (refs.isEmpty()) {
            return null;
        }
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            pointer.append('/').append(r.getFieldName() != null
                    ? r.getFieldName().replace("~", "~0").replace("/", "~1")
                    : String.valueOf(r.getIndex()));
        }
        JsonPointer target = JsonPointer.compile(pointer.toString());
        try (JsonParser p = mapper.createParser(yaml)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if ((t == JsonToken.FIELD_NAME || t.isScalarValue())
                        && p.getParsingContext().pathAsPointer().equals(target)) {
                    return p.currentTokenLocation();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /**
     * Where the key a section's refusal begins with is written under {@code refs}, if the message
     * begins with one ({@code "daemons must be at least 1, got 0"}); else null.
     */
    private JsonLocation locateNamed(String yaml, List<JsonMappingException.Reference> refs, String message) {
        Matcher m = LEADING_KEY.matcher(message);
        if (!m.lookingAt()) {
            return null;
        }
        List<JsonMappingException.Reference> named = new ArrayList<>(refs);
        named.add(new JsonMappingException.Reference(null, m.group(1)));
        return locate(yaml, named);
    }

    private static String what(JsonProcessingException e, String field) {
        if (e instanceof UnrecognizedPropertyException) {
            UnrecognizedPropertyException u = (UnrecognizedPropertyException) e;
            TreeSet<String> known = u.getKnownPropertyIds().stream().map(String::valueOf)
                    .filter(k -> !k.equals("source"))
                    .collect(Collectors.toCollection(TreeSet::new));
            return "unknown field '" + u.getPropertyName() + "'; expected one of " + String.join(", ", known);
        }
        if (e instanceof InvalidTypeIdException) {
            InvalidTypeIdException t = (InvalidTypeIdException) e;
            String kinds = String.join(", ", WorkloadSpec.KINDS);
            return t.getTypeId() == null
                    ? "missing 'kind'; expected one of " + kinds
                    : "unknown kind '" + t.getTypeId() + "'; expected one of " + kinds;
        }
        if (e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause();
            while (cause != null && cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
                cause = cause.getCause();
            }
            return cause == null ? e.getOriginalMessage() : cause.getMessage();
        }
        if (e instanceof MismatchedInputException) {
            MismatchedInputException m = (MismatchedInputException) e;
            String original = WEIRD_VALUE.matcher(m.getOriginalMessage()).replaceFirst("");
            if (original.startsWith("expected") || original.startsWith("a ") || original.startsWith("only")
                    || original.startsWith("unknown") || original.startsWith("policy") || original.startsWith("parameter")
                    || original.startsWith("'")) {
                return original;
            }
            if (original.contains("Cannot deserialize value of type `com.fasterxml.jackson.databind.node")) {
                return "unexpected value";
            }
            Class<?> target = m.getTargetType();
            String expected = target == null ? null : TYPE_NAMES.get(target.getName());
            if (original.contains("Duplicate field")) {
                return original.replaceFirst("^Duplicate field '([^']*)'.*", "field '$1' appears twice");
            }
            if (expected != null) {
                return "expected " + expected + first(original);
            }
            if (original.contains("(token `JsonToken.START_OBJECT`)")) {
                return "expected a single value, got a map";
            }
            if (original.contains("(token `JsonToken.START_ARRAY`)")) {
                return "expected a single value or a map, got a list";
            }
            return original;
        }
        String msg = e.getOriginalMessage();
        if (msg != null && msg.startsWith("Duplicate field")) {
            return msg.replaceFirst("^Duplicate field '([^']*)'.*", "field '$1' appears twice");
        }
        return "YAML syntax error: " + (msg == null ? e.getMessage() : msg.lines().findFirst().orElse(msg));
    }

    private static String first(String jacksonMessage) {
        int from = jacksonMessage.indexOf("from String \"");
        if (from >= 0) {
            int end = jacksonMessage.indexOf('"', from + 13);
            return ", got '" + jacksonMessage.substring(from + 13, Math.max(end, from + 13)) + "'";
        }
        int value = jacksonMessage.indexOf(" value (");
        if (value >= 0) {
            int end = jacksonMessage.indexOf(')', value);
            return ", got " + jacksonMessage.substring(value + 8, Math.max(end, value + 8));
        }
        return "";
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }
}
