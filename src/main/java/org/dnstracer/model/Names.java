package org.dnstracer.model;

import org.xbill.DNS.Name;

/** How names are shown to people: without the trailing dot, as the classic tool did. */
public final class Names {
    private Names() {}

    public static String display(Name name) {
        if (name == null) {
            return "";
        }
        String text = name.toString();
        return text.length() > 1 && text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
