package org.securebase.web.util;

/** Text made safe to place in HTML we build ourselves, between tags or inside a quoted attribute. */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
