package org.securebase.domain.module;

import java.util.Arrays;
import java.util.Optional;

/**
 * The clinician's stance an option stands for: a small fixed vocabulary (content/README.md explains each), so a
 * trainee's choices across cases can be read together in their private mirror and a cohort's in its debrief.
 */
public enum Stance {
    /** Steady, available, naming what is happening and staying: what settles an anxious system. */
    SECURE_BASE("secure-base"),
    /** Curious, inviting the patient's own account before deciding. */
    EXPLORE("explore"),
    /** Quick reassurance or information to end the discomfort (the clinician's as much as the patient's). */
    REASSURE("reassure"),
    /** Pressing for closeness or disclosure the patient has not offered. */
    PURSUE("pursue"),
    /** Stepping back: accepting "I'm fine", keeping to the task, ending early. */
    DISTANCE("distance"),
    /** Taking over: doing for the patient what they could do, or promising what cannot be kept. */
    RESCUE("rescue"),
    /** Saying clearly and kindly what will and will not happen, and keeping to it. */
    SET_LIMITS("set-limits"),
    /** Handing on to someone else (a colleague, a service) in place of staying with it now. */
    REFER("refer");

    private final String code;

    Stance(String code) {
        this.code = code;
    }

    /** The name used in content files. */
    public String code() {
        return code;
    }

    public static Optional<Stance> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(Stance::code).toList());
    }
}
