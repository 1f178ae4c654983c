package dev.labforge.booking.course;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.labforge.booking.timetable.ExtensionRules;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The course and roster documents of the API. */
final class CourseDocument {

    private CourseDocument() {
    }

    @Schema(name = "CourseRequest")
    record CourseRequest(
            @NotNull @Pattern(regexp = "^[a-z0-9]([-a-z0-9]{0,22}[a-z0-9])?$",
                    message = "lower-case letters, digits and '-', at most 24") @Schema(example = "net101") String name,
            @Size(max = 200) @Schema(example = "Routing fundamentals") String title,
            @NotNull @Schema(description = "id of a lab you may edit; each student gets a copy of it") UUID templateLab,
            @NotNull @Schema(description = "the capacity pool students' runs reserve from", example = "classroom")
            String pool,
            @Min(30) @Max(1440) @Schema(description = "longest practice slot, minutes; default 120", example = "120")
            Integer maxSlotMinutes,
            @Min(1) @Max(365) @Schema(description = "how many days ahead students may book; default 14",
                    example = "14") Integer bookingWindowDays,
            @Min(30) @Max(10080) @Schema(description = "practice minutes per student and week; default 360",
                    example = "360") Integer weeklyAllowanceMinutes,
            @Schema(description = "stop, destroy or reset: what becomes of a student's lab at the end of a"
                    + " booking; default stop", example = "reset") String endAction,
            @Schema(description = "an IANA region such as Europe/Zurich (not an offset: weeks and local times"
                    + " follow daylight-saving changes); default UTC", example = "Europe/Zurich") String timeZone,
            @Schema(description = "whether the consoles of the students' labs are transcribed (readable by the"
                    + " course's instructors); default false") Boolean consoleTranscripts,
            @Min(0) @Max(20) @Schema(description = "how often one booking may be extended, 0 to 20; default (null):"
                    + " the service's labforge.booking.max-extensions, 3 unless configured. A change applies to"
                    + " existing bookings from their next extension", example = "2") Integer maxExtensions,
            @Min(5) @Max(1440) @Schema(description = "how close to its end a booking may be extended, minutes: 5 to"
                    + " the course's longest slot; default (null): the service's labforge.booking.extend-within, 15"
                    + " unless configured. A change applies to existing bookings from their next extension",
                    example = "15") Integer extendWithinMinutes) {

        /** The request that would make the course as it is: what a merge patch applies to. */
        static CourseRequest of(Course course, String poolName) {
            return new CourseRequest(course.name(), course.title(), course.templateLabId(), poolName,
                    (int) course.maxSlot().toMinutes(), (int) course.bookingWindow().toDays(),
                    (int) course.weeklyAllowance().toMinutes(), course.endAction().label(), course.zone().getId(),
                    course.consoleTranscripts(), course.maxExtensions(),
                    course.extendWithin() == null ? null : (int) course.extendWithin().toMinutes());
        }
    }

    @Schema(name = "Course")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CourseView(String name, String title, UUID templateLab, String pool, int maxSlotMinutes,
                      int bookingWindowDays, int weeklyAllowanceMinutes, EndAction endAction, String timeZone,
                      @Schema(description = "your role in the course") CourseRole yourRole,
                      @Schema(description = "your own lab, if you are a student") UUID yourLab,
                      @Schema(description = "what students redeem to join; instructors only") String joinCode,
                      @Schema(description = "whether the students' consoles are transcribed; instructors and"
                              + " assistants only") Boolean consoleTranscripts,
                      @Schema(description = "how often one booking may be extended: the course's own or the"
                              + " service's default") int maxExtensions,
                      @Schema(description = "how close to its end, in minutes, a booking may be extended: the"
                              + " course's own or the service's default") int extendWithinMinutes,
                      @Schema(description = "the settings above that follow the service's default (a changed"
                              + " default reaches them) rather than a value of the course's own",
                              example = "[\"maxExtensions\"]") List<String> followsDefault,
                      Instant createdAt) {

        static CourseView from(Course course, String poolName, CourseRole role, UUID yourLab, ExtensionRules rules) {
            return new CourseView(course.name(), course.title(), course.templateLabId(), poolName,
                    (int) course.maxSlot().toMinutes(), (int) course.bookingWindow().toDays(),
                    (int) course.weeklyAllowance().toMinutes(), course.endAction(), course.zone().getId(), role,
                    yourLab, role == CourseRole.INSTRUCTOR ? course.joinCode() : null,
                    role.includes(CourseRole.ASSISTANT) ? course.consoleTranscripts() : null, rules.maxExtensions(),
                    (int) rules.within().toMinutes(), rules.followingDefaults(), course.createdAt());
        }
    }

    @Schema(name = "JoinRequest")
    record JoinRequest(@NotNull @Size(max = 64) String code) {
    }

    @Schema(name = "JoinCode")
    record JoinCodeView(String joinCode) {
    }

    @Schema(name = "RosterEntry", description = "one member; role defaults to student")
    record MemberRequest(@NotNull @Size(max = 63) @Schema(example = "alice") String username,
                         @Schema(example = "student", description = "instructor, assistant or student") String role) {
    }

    @Schema(name = "RosterRequest")
    record RosterRequest(@NotNull @Size(max = 2000) List<@NotNull @Valid MemberRequest> members) {
    }

    @Schema(name = "RosterMember")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MemberView(String username, CourseRole role, UUID lab, Instant addedAt,
                      @Schema(description = "manual (roster, join code) or idp (the course's identity-provider"
                              + " group: dropped at a sign-in without it)", example = "manual") String source) {
    }

    @Schema(name = "CourseIdpGroup")
    record IdpGroupRequest(@NotNull @Size(min = 1, max = 200) @Schema(example = "/courses/net101") String idpGroup) {
    }

    @Schema(name = "CourseIdpGroupView")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record IdpGroupView(String course, @Schema(description = "null when the course follows no group") String idpGroup) {
    }

    @Schema(name = "Roster")
    record RosterView(String course, List<MemberView> members) {
    }
}
