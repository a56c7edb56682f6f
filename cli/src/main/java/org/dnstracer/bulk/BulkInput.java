package org.dnstracer.bulk;

import java.util.Objects;
import org.dnstracer.model.Question;

/**
 * One item of a bulk run: a question to trace, or an input that could not be read as one (it then gives an
 * {@link NameVerdict#ERROR} result in its place, and the run goes on).
 *
 * @param line where it came from (a line number of the input, or any label the caller likes; 0 when none)
 * @param text the input as given, echoed in the result
 * @param question what to trace, or null when {@code error} is set
 * @param error why the input is not a question, or null
 */
public record BulkInput(long line, String text, Question question, String error) {
    public BulkInput {
        Objects.requireNonNull(text, "text");
        if ((question == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of question and error");
        }
    }

    public static BulkInput of(Question question) {
        return new BulkInput(0, question.displayName() + " " + question.typeName(), question, null);
    }

    public static BulkInput of(long line, String text, Question question) {
        return new BulkInput(line, text, question, null);
    }

    public static BulkInput bad(long line, String text, String error) {
        return new BulkInput(line, text, null, error);
    }
}
