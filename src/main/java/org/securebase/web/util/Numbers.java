package org.securebase.web.util;

import jakarta.faces.context.FacesContext;
import java.text.NumberFormat;
import java.util.Locale;

/** Numbers as people read them in the page's language: 3.25 in English, 3,25 in Portuguese. */
public final class Numbers {

    private Numbers() {
    }

    /** The value with exactly this many decimals, in the page's locale. */
    public static String decimals(double value, int decimals) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces != null && faces.getViewRoot() != null ? faces.getViewRoot().getLocale()
                : Locale.ENGLISH;
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        format.setGroupingUsed(false);
        return format.format(value);
    }
}
