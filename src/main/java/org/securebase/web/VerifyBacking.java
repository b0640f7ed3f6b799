package org.securebase.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import org.omnifaces.cdi.Param;
import org.securebase.application.portfolio.PortfolioService;
import org.securebase.domain.portfolio.PortfolioItem;
import org.securebase.web.util.Bundle;
import org.securebase.web.util.ReviewDisplay;

/**
 * /verify.xhtml?code=...: the public check of a portfolio PDF, for an appraiser with no account here. It shows what
 * the record of the code says (to whom and by which school it was issued, when, the titles and versions it
 * contained, the SHA-256 of its bytes), never the reflections' text; a revoked code shows only that it was revoked.
 * A file or a pasted SHA-256 can be compared with the record.
 */
@Named
@RequestScoped
public class VerifyBacking {

    /** A PDF larger than this is not one we issued (ours are tens of kilobytes). */
    private static final long FILE_MAX = 5L * 1024 * 1024;

    @Inject
    private PortfolioService portfolio;

    @Inject
    @Param(name = "code")
    private String code;

    private Optional<PortfolioService.Verification> record = Optional.empty();
    private Part file;
    private String sha256;
    private Boolean same;

    @PostConstruct
    void load() {
        record = code == null || code.isBlank() ? Optional.empty() : portfolio.verify(code);
    }

    public void compareFile() throws IOException {
        if (file == null || file.getSize() == 0) {
            Bundle.error("verify.noFile");
            return;
        }
        if (file.getSize() > FILE_MAX) {
            same = false;
            return;
        }
        try (InputStream in = file.getInputStream()) {
            same = portfolio.sameBytes(code, in.readAllBytes());
        }
    }

    public void compareHash() {
        if (sha256 == null || !sha256.strip().matches("(?i)[0-9a-f]{64}")) {
            Bundle.error("verify.badHash");
            return;
        }
        same = portfolio.sameHash(code, sha256);
    }

    public String summary() {
        return record.map(v -> Bundle.text("portfolio.summary", v.count(PortfolioItem.Kind.REFLECTION),
                v.count(PortfolioItem.Kind.SELF_RATING), v.count(PortfolioItem.Kind.MIRROR))).orElse("");
    }

    public String when(Instant instant) {
        return ReviewDisplay.when(instant);
    }

    public String getCode() {
        return code;
    }

    public boolean isAsked() {
        return code != null && !code.isBlank();
    }

    public PortfolioService.Verification getRecord() {
        return record.orElse(null);
    }

    public Boolean getSame() {
        return same;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public String getSha256() {
        return sha256;
    }

    public void setSha256(String sha256) {
        this.sha256 = sha256;
    }
}
