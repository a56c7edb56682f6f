package org.dnstracer.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A lab served by {@code --lab-serve}, as its table says: the root servers and the port. */
record ServedLab(List<String> rootServers, List<String> rootAddresses, int port) {

    /** Reads the table up to the "Serving on port" line; the server's output after it is not read. */
    static ServedLab read(BufferedReader table) throws IOException {
        List<String> names = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (String line = table.readLine(); line != null; line = table.readLine()) {
            String[] columns = line.trim().split("\\s+");
            if (line.startsWith("Serving on port ") && columns.length > 3) {
                if (names.isEmpty()) {
                    break;
                }
                return new ServedLab(List.copyOf(names), List.copyOf(addresses), Integer.parseInt(columns[3]));
            }
            if (columns.length >= 4 && Arrays.asList(columns[3].split(",")).contains(".")) {
                names.add(columns[0]);
                addresses.add(columns[1].split(",")[0]);
            }
        }
        throw new IOException("the lab server's table names no root server and port");
    }

    String rootAddress() {
        return rootAddresses.get(0);
    }

    /** A root hints file naming the lab's root servers. */
    String rootHints() {
        StringBuilder hints = new StringBuilder();
        for (int i = 0; i < rootServers.size(); i++) {
            hints.append(". 3600000 IN NS ").append(rootServers.get(i)).append(".\n");
            hints.append(rootServers.get(i)).append(". 3600000 IN A ").append(rootAddresses.get(i)).append('\n');
        }
        return hints.toString();
    }
}
