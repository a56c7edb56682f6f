package org.dnstracer.interop;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads our {@code -D --json} output: the zones of the first chain of the top-level {@code dnssec} object. */
final class OurDnssecJson {
    private OurDnssecJson() {}

    static ZoneVerdicts firstChain(String json) throws IOException {
        Map<String, String> zones = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("dnssec")) {
                    readDnssec(p, zones);
                } else {
                    p.skipChildren();
                }
            }
        }
        return new ZoneVerdicts(zones);
    }

    private static void readDnssec(JsonParser p, Map<String, String> zones) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("chains") && p.nextToken() == JsonToken.START_OBJECT) {
                readChain(p, zones);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    p.skipChildren();
                }
            } else {
                p.skipChildren();
            }
        }
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
                String zone = null;
                String status = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    p.nextToken();
                    if (f.equals("zone")) {
                        zone = p.getText();
                    } else if (f.equals("status")) {
                        status = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
                zones.put(zone, status);
            }
        }
    }
}
