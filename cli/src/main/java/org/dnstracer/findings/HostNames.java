package org.dnstracer.findings;

import org.xbill.DNS.Name;

/**
 * The syntax rules for names that are not just DNS names: host names (RFC 952 as relaxed by RFC 1123 §2.1: letters,
 * digits and inner hyphens) and the SOA RNAME's mailbox (RFC 1035 §8: the first label is the local part, the rest
 * the mail domain).
 */
final class HostNames {
    private HostNames() {}

    /** Null when the name is a legal host name, else why not. */
    static String whyNotHostName(Name name) {
        if (name.labels() < 2) {
            return "the root";
        }
        for (int i = 0; i < name.labels() - 1; i++) {
            String why = whyNotLdh(name.getLabelString(i));
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    /** Null when the name is a mailbox as RFC 1035 §8 writes one, else why not. */
    static String whyNotMailbox(Name rname) {
        if (rname.labels() < 3) {
            return "it needs a local part and a mail domain";
        }
        String local = unescape(rname.getLabelString(0));
        if (local.contains("@")) {
            return "'@' in the local part: write the first '.' for it";
        }
        for (char c : local.toCharArray()) {
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-/=?^_`{|}~.".indexOf(c) >= 0)) {
                return "'" + c + "' in the local part";
            }
        }
        for (int i = 1; i < rname.labels() - 1; i++) {
            String why = whyNotLdh(rname.getLabelString(i));
            if (why != null) {
                return "mail domain: " + why;
            }
        }
        return null;
    }

    private static String whyNotLdh(String printed) {
        String label = unescape(printed);
        if (label.isEmpty()) {
            return "an empty label";
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                return "'" + c + "' in label '" + label + "'";
            }
        }
        if (label.startsWith("-") || label.endsWith("-")) {
            return "label '" + label + "' begins or ends with a hyphen";
        }
        return null;
    }

    /** A label as dnsjava prints it, with its \. and \DDD escapes undone. */
    private static String unescape(String label) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c == '\\' && i + 3 < label.length() && Character.isDigit(label.charAt(i + 1))) {
                out.append((char) Integer.parseInt(label.substring(i + 1, i + 4)));
                i += 3;
            } else if (c == '\\' && i + 1 < label.length()) {
                out.append(label.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
