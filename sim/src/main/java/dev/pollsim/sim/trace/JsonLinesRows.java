package dev.pollsim.sim.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Rows of a JSON Lines trace: one JSON object per line, read with Jackson's streaming parser.
 * Fields are found by their exact name; other fields, nested or not, are skipped. A timestamp or
 * service time may be a JSON number or a string; either is decoded from the parser's characters
 * through a reused byte buffer, so no object is kept per row. NOT thread-safe.
 */
final class JsonLinesRows implements TraceRows {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final JsonParser parser;
    private final RowDecoder decoder;
    private final String timestampField;
    private final String serviceField;
    private final String queueField;
    private final String originField;
    private byte[] scratch = new byte[64];
    private int scratchLength;

    private long line;
    private long time;
    private long service = NO_SERVICE;
    private int origin = NO_ORIGIN;
    private boolean kept = true;
    private String queue;
    private boolean any;

    JsonLinesRows(InputStream in, RowDecoder decoder) {
        this.decoder = decoder;
        TraceLayout layout = decoder.layout();
        if (layout.perMinute()) {
            throw new IllegalArgumentException("per-minute counts are read from delimited files");
        }
        this.timestampField = layout.timestampColumn();
        this.serviceField = layout.serviceColumn();
        this.queueField = layout.queueColumn();
        this.originField = layout.originColumn();
        try {
            this.parser = JSON.createParser(in);
        } catch (IOException e) {
            throw new UncheckedIOException(decoder.file() + ": cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean advance() {
        try {
            return read();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw TraceException.at(decoder.file(), at == null ? 0 : at.getLineNr(), null,
                    "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(decoder.file() + ": cannot read: " + e.getMessage(), e);
        }
    }

    private boolean read() throws IOException {
        JsonToken t = parser.nextToken();
        if (t == null) {
            if (!any) {
                throw TraceException.at(decoder.file(), 0, null, "the file is empty; expected one JSON object per line,"
                        + " such as {\"" + timestampField + "\": \"2024-11-15T16:57:50Z\"}");
            }
            return false;
        }
        any = true;
        line = parser.currentTokenLocation().getLineNr();
        if (t != JsonToken.START_OBJECT) {
            throw TraceException.at(decoder.file(), line, null, "expected a JSON object, got " + parser.getText());
        }
        boolean hasTime = false;
        boolean hasService = serviceField == null;
        boolean hasQueue = queueField == null;
        boolean hasOrigin = originField == null;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            t = parser.nextToken();
            if (name.equals(timestampField)) {
                scalar(t, name);
                time = decoder.timestamp(scratch, 0, scratchLength, line, name);
                hasTime = true;
            } else if (name.equals(serviceField)) {
                scalar(t, name);
                service = decoder.service(scratch, 0, scratchLength, line, name);
                hasService = true;
            } else if (name.equals(queueField)) {
                scalar(t, name);
                queue = parser.getText();
                kept = decoder.queueKept(scratch, 0, scratchLength);
                hasQueue = true;
            } else if (name.equals(originField)) {
                scalar(t, name);
                origin = decoder.origin(scratch, 0, scratchLength, line, name);
                hasOrigin = true;
            } else {
                parser.skipChildren();
            }
        }
        String missing = !hasTime ? timestampField : !hasService ? serviceField : !hasQueue ? queueField
                : !hasOrigin ? originField : null;
        if (missing != null) {
            throw TraceException.at(decoder.file(), line, missing, "the object has no such field");
        }
        return true;
    }

    /** Copies the current scalar's text into the scratch buffer as bytes (UTF-8 for non-ASCII). */
    private void scalar(JsonToken t, String name) throws IOException {
        if (t == null || !t.isScalarValue() || t == JsonToken.VALUE_NULL) {
            throw TraceException.at(decoder.file(), line, name, "expected a number or a string, got "
                    + (t == JsonToken.VALUE_NULL ? "null" : "a " + (t == JsonToken.START_ARRAY ? "list" : "nested object")));
        }
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int length = parser.getTextLength();
        if (scratch.length < length) {
            scratch = new byte[length];
        }
        int n = 0;
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (c >= 0x80) {
                byte[] utf8 = new String(chars, offset, length).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (scratch.length < utf8.length) {
                    scratch = new byte[utf8.length];
                }
                System.arraycopy(utf8, 0, scratch, 0, utf8.length);
                n = utf8.length;
                break;
            }
            scratch[n++] = (byte) c;
        }
        scratchLength = n;
    }

    @Override
    public long timeUs() {
        return time;
    }

    @Override
    public long count() {
        return 1;
    }

    @Override
    public long serviceUs() {
        return service;
    }

    @Override
    public int origin() {
        return origin;
    }

    @Override
    public boolean kept() {
        return kept;
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public String queue() {
        return queue;
    }

    @Override
    public String file() {
        return decoder.file();
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
