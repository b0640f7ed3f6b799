package org.securebase.domain.portfolio;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One thing a portfolio PDF contained, as the verify page names it: a reflection and its version, a chart, a page. */
@Embeddable
public class PortfolioItem {

    public enum Kind { REFLECTION, SELF_RATING, MIRROR }

    public static final int TITLE_MAX = 500;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;

    @Column(length = TITLE_MAX)
    private String title;

    @Column(name = "version_number")
    private Integer versionNumber;

    protected PortfolioItem() {
    }

    public PortfolioItem(Kind kind, String title, Integer versionNumber) {
        this.kind = kind;
        this.title = title == null || title.length() <= TITLE_MAX ? title : title.substring(0, TITLE_MAX);
        this.versionNumber = versionNumber;
    }

    public Kind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public Integer getVersionNumber() {
        return versionNumber;
    }
}
