package org.securebase.application.lti;

import java.io.Serializable;

/**
 * Where a launch lands, said as what it is for; the web layer, which owns the pages, says where that is.
 *
 * @param module the module a student's link names (null for the other places)
 */
public record Landing(Place place, String module) implements Serializable {

    public enum Place {
        STUDENT_HOME, MODULE, TUTOR_HOME, ADMIN_HOME, DEEP_LINK
    }

    public static Landing of(Place place) {
        return new Landing(place, null);
    }

    public static Landing module(String slug) {
        return new Landing(Place.MODULE, slug);
    }
}
