package org.securebase.application.privacy;

/**
 * Deleting a student's reflections with everything that hangs off them (drafts, versions, answers, reviews, scores,
 * comments, reads, notifications about them): what erasure and retention share. Counts what each step removed.
 */
final class ReflectionRows {

    private ReflectionRows() {
    }

    private static final String R = "select id from reflection where student_id = ?1";
    private static final String V = "select id from reflection_version where reflection_id in (" + R + ")";
    private static final String W = "select id from review where reflection_version_id in (" + V + ")";

    record Deleted(int reflections, int versions, int drafts, int reviews, int comments, int reads,
            int notifications) {
    }

    static Deleted deleteOf(Sql sql, long studentId) {
        sql.update("delete from review_score where review_id in (" + W + ")", studentId);
        int comments = sql.update("delete from review_comment where review_id in (" + W + ")", studentId);
        int reviews = sql.update("delete from review where id in (" + W + ")", studentId);
        sql.update("delete from submitted_answer where reflection_version_id in (" + V + ")", studentId);
        int versions = sql.update("delete from reflection_version where reflection_id in (" + R + ")", studentId);
        int drafts = sql.update("delete from draft_answer where reflection_id in (" + R + ")", studentId);
        int reads = sql.update("delete from reflection_read where reflection_id in (" + R + ")", studentId);
        int notifications = sql.update("delete from notification where reflection_id in (" + R + ")", studentId);
        int reflections = sql.update("delete from reflection where student_id = ?1", studentId);
        return new Deleted(reflections, versions, drafts, reviews, comments, reads, notifications);
    }
}
