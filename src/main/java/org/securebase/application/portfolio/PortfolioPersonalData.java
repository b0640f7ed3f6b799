package org.securebase.application.portfolio;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import org.securebase.application.privacy.ErasingAccount;
import org.securebase.application.privacy.PersonalData;
import org.securebase.application.privacy.Sql;

/**
 * The portfolio documents a trainee issued, in "download my data" (each with what it contained and its code, not
 * the PDF, which the trainee downloaded) and in an erasure: the records go, so their verification codes answer
 * "unknown" from then on.
 */
@Stateless
public class PortfolioPersonalData {

    @PersistenceContext
    private EntityManager em;

    public void export(@Observes PersonalData data) {
        Sql sql = new Sql(em);
        long id = data.account().getId();
        List<Map<String, Object>> documents = sql.rows("id, code, holder_name, school_name, locale, issued_at, "
                + "revoked_at, pdf_sha256, pages", "from portfolio_document where owner_id = ?1 order by issued_at, id",
                id);
        Sql.nest(documents, "items", sql.rows("i.document_id, i.item_order, i.kind, i.title, i.version_number",
                "from portfolio_item i join portfolio_document d on d.id = i.document_id where d.owner_id = ?1 "
                        + "order by i.document_id, i.item_order",
                id), "documentId");
        data.json("portfolio-documents.json", documents, "portfolio_document", "portfolio_item");
    }

    public void erase(@Observes ErasingAccount erasing) {
        Sql sql = new Sql(em);
        long id = erasing.account().getId();
        erasing.count("portfolioDocuments", sql.count("from portfolio_document where owner_id = ?1", id));
        if (erasing.isPreview()) {
            return;
        }
        sql.update("delete from portfolio_item where document_id in (select id from portfolio_document where "
                + "owner_id = ?1)", id);
        sql.update("delete from portfolio_document where owner_id = ?1", id);
    }
}
