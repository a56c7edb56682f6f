package org.dnstracer.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value read with jackson-core's streaming parser into plain Java: {@code Map<String, Object>} (in document
 * order), {@code List<Object>}, {@code String}, {@code Long}, {@code Double}, {@code Boolean} or null. The
 * parser's own constraints bound the nesting and refuse a field given twice.
 */
final class JsonTree {
    private JsonTree() {}

    /** The one value of the document; anything after it is an error. */
    static Object read(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            throw new IOException("empty document");
        }
        Object value = value(p, first);
        if (p.nextToken() != null) {
            throw new IOException("more than one JSON value in the document");
        }
        return value;
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    map.put(name, value(p, p.nextToken()));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    list.add(value(p, e));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return t == JsonToken.VALUE_TRUE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected " + t);
        }
    }
}
