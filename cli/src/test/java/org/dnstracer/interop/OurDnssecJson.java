package org.dnstracer.interop;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads our {@code -D --json} output: the zones of the first chain of the top-level {@code dnssec} object, and its
 * problems as "CODE ADDRESS" ("CODE -" without an address).
 */
record OurDnssecJson(ZoneVerdicts firstChain, Set<String> problems) {
    static OurDnssecJson read(String json) throws IOException {
        Map<String, String> zones = new LinkedHashMap<>();
        Set<String> problems = new LinkedHashSet<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("dnssec")) {
                    readDnssec(p, zones, problems);
                } else {
                    p.skipChildren();
                }
            }
        }
        return new OurDnssecJson(new ZoneVerdicts(zones), problems);
    }

    private static void readDnssec(JsonParser p, Map<String, String> zones, Set<String> problems) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("chains") && p.nextToken() == JsonToken.START_OBJECT) {
                readChain(p, zones);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    p.skipChildren();
                }
            } else if (field.equals("problems")) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    Map<String, String> fields = flatObject(p);
                    problems.add(fields.get("code") + " " + (fields.get("address") == null ? "-" : fields.get("address")));
                }
            } else {
                p.skipChildren();
            }
        }
    }

    /** The scalar fields of the object whose START_OBJECT is the current token (null values stay null). */
    private static Map<String, String> flatObject(JsonParser p) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            if (t.isScalarValue()) {
                fields.put(f, t == JsonToken.VALUE_NULL ? null : p.getText());
            } else {
                p.skipChildren();
            }
        }
        return fields;
    }

    private static void readChain(JsonParser p, Map<String, String> zones) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (!field.equals("zones")) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                Map<String, String> fields = flatObject(p);
                zones.put(fields.get("zone"), fields.get("status"));
            }
        }
    }
}
