package dev.labforge.booking.session;

import dev.labforge.api.BodyRules;
import dev.labforge.api.InvalidField;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * A class session's times (readable, on quarter hours, in the future, end after start), added to the problems of a body
 * that fails its annotations or its values' types anyway, so the instructor's form hears of them together. A body
 * that passes those is left to the controller, which checks the times together with what needs the course (its time
 * zone for the recurrence, its roster for the seats): refusing it here would hold those back for a second round.
 */
@Component
class SessionTimeRules extends BodyRules<SessionDocument.SessionRequest> {

    private final Clock clock;

    SessionTimeRules(Clock clock) {
        super(SessionDocument.SessionRequest.class);
        this.clock = clock;
    }

    @Override
    public void validate(Object target, Errors errors) {
        if (errors.hasErrors()) {
            super.validate(target, errors);
        }
    }

    @Override
    protected List<InvalidField> problems(SessionDocument.SessionRequest request) {
        List<InvalidField> errors = new ArrayList<>();
        Instant start = request.start() == null ? null : SessionController.instant("/start", request.start(), errors);
        Instant end = request.end() == null ? null : SessionController.instant("/end", request.end(), errors);
        if (start != null && end != null) {
            errors.addAll(SessionController.rules(clock.instant(), start, end));
        }
        return errors;
    }
}
