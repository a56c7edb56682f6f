package org.dnstracer.interop;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dnstracer.findings.FindingCode;

/** One entry of the {@code findings} array of our {@code --check --json} output. */
record OurFinding(FindingCode code, String zone, String server, String address) {

    @SuppressWarnings("unchecked")
    static List<OurFinding> parse(String json) throws IOException {
        Map<String, Object> doc = (Map<String, Object>) new ObjectMapper().readValue(json, Object.class);
        List<OurFinding> findings = new ArrayList<>();
        for (Object o : (List<Object>) doc.get("findings")) {
            Map<String, Object> f = (Map<String, Object>) o;
            findings.add(new OurFinding(FindingCode.valueOf((String) f.get("code")), (String) f.get("zone"),
                    (String) f.get("server"), (String) f.get("address")));
        }
        return findings;
    }

    @Override
    public String toString() {
        return code + " " + zone + " " + server + (address == null ? "" : " (" + address + ")");
    }
}
