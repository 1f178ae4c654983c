package dev.labforge.booking.timetable;

import dev.labforge.api.InvalidField;
import dev.labforge.api.ProblemException;
import dev.labforge.api.ProblemType;
import java.util.List;

/**
 * The times asked for overlap what the same lab or the course holds already (another booking of the
 * student, a class session): a 409 whose errors point at the request's {@code /start} and {@code /end},
 * so a client marks the times, not the whole form.
 */
public class TimeTaken extends ProblemException {

    static final String RULE = "overlap";

    public TimeTaken(String detail) {
        super(ProblemType.CONFLICT, detail, List.of(InvalidField.rule("/start", RULE, detail),
                InvalidField.rule("/end", RULE, detail)));
    }
}
