package dev.userstream.producer.ingest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date of birth the sink can store: an ISO date or date-time with offset, between the year 1000 and
 * today. {@link Validator#normalize} turns it into randomuser's shape, which the original consumer parses.
 * {@code null} passes.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = BirthDate.Validator.class)
@interface BirthDate {

	/** randomuser's {@code dob.date} shape (docs/architecture.md, "Fields"). */
	DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

	String message() default "must be an ISO date (1990-04-01) or date-time (1990-04-01T07:36:45.668Z) between the year 1000 and today";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<BirthDate, String> {

		private static final Instant YEAR_1000 = Instant.parse("1000-01-01T00:00:00Z");

		/** The instant of a valid date ({@code yyyy-MM-dd} is midnight UTC). */
		static Instant parse(String date) {
			if (date.length() == 10) {
				return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(date, Instant::from);
		}

		/** A valid date in randomuser's shape. */
		static String normalize(String date) {
			return WIRE.format(parse(date));
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			try {
				Instant instant = parse(value);
				return !instant.isBefore(YEAR_1000) && !instant.isAfter(context.getClockProvider().getClock().instant());
			}
			catch (DateTimeParseException ex) {
				return false;
			}
		}

	}

}
