package org.securebase.web.tutor;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/** The rubric rating and overall comment being given; they stay on screen whatever the decision's outcome. */
public class DecisionForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String level;
    private final Map<String, String> criterionLevels = new HashMap<>();
    private String overallComment;

    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = level;
    }

    public Map<String, String> getCriterionLevels() {
        return criterionLevels;
    }

    public String getOverallComment() {
        return overallComment;
    }

    public void setOverallComment(String overallComment) {
        this.overallComment = overallComment;
    }
}
