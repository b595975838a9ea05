/* libical, loaded the first time a calendar is written.
 *
 * Linking libical costs every command ~6.5 ms at start-up (it brings ICU
 * and the C++ runtime), while `agenda show` and `agenda check` never call
 * it.  As src/mail/curl_load.c does for libcurl, this file defines the
 * libical functions src/ical/ and src/export/ call, each forwarding to the
 * real one, found with dlsym() on first use; the callers keep libical's
 * names, prototypes and headers.  The list is checked by the compiler:
 * every definition must match its declaration in <libical/ical.h>, and a
 * function missing here is a link error, since nothing links libical.
 *
 * The executable does not export these names (nothing shared links
 * against it), so libical's calls to itself never land here.  A test
 * program that links libical as well does export them; then libical's
 * own calls come through here and go back to it, which is harmless. */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <sysexits.h>

#include "retrason/dlbind.h"
#include "retrason/ical.h"

/* The SONAME of libical 3 (Debian's libical3 package). */
#define LIBICAL_SONAME "libical.so.3"

/* R: returns a value; V: returns nothing. (return type, name, parameters,
 * arguments) */
#define LIBICAL_FUNCTIONS(R, V) \
	R(icalcomponent *, icalcompiter_deref, (icalcompiter *i), (i)) \
	R(icalcomponent *, icalcompiter_next, (icalcompiter *i), (i)) \
	V(void, icalcomponent_add_component, (icalcomponent *parent, icalcomponent *child), (parent, child)) \
	V(void, icalcomponent_add_property, (icalcomponent *component, icalproperty *property), (component, property)) \
	R(char *, icalcomponent_as_ical_string_r, (icalcomponent *component), (component)) \
	R(icalcompiter, icalcomponent_begin_component, (icalcomponent *component, icalcomponent_kind kind), (component, kind)) \
	V(void, icalcomponent_free, (icalcomponent *component), (component)) \
	R(icalcomponent *, icalcomponent_get_first_component, (icalcomponent *component, icalcomponent_kind kind), (component, kind)) \
	R(icalproperty *, icalcomponent_get_first_property, (icalcomponent *component, icalproperty_kind kind), (component, kind)) \
	R(icalcomponent *, icalcomponent_get_next_component, (icalcomponent *component, icalcomponent_kind kind), (component, kind)) \
	R(icalcomponent_kind, icalcomponent_isa, (const icalcomponent *component), (component)) \
	R(icalcomponent *, icalcomponent_new_clone, (icalcomponent *component), (component)) \
	R(icalcomponent *, icalcomponent_new_valarm, (void), ()) \
	R(icalcomponent *, icalcomponent_new_vevent, (void), ()) \
	V(void, icalcomponent_remove_component, (icalcomponent *parent, icalcomponent *child), (parent, child)) \
	R(struct icaldurationtype, icaldurationtype_from_int, (int t), (t)) \
	R(icalparameter *, icalparameter_new_cn, (const char *v), (v)) \
	R(icalparameter *, icalparameter_new_language, (const char *v), (v)) \
	R(icalparameter *, icalparameter_new_partstat, (icalparameter_partstat v), (v)) \
	R(icalparameter *, icalparameter_new_role, (icalparameter_role v), (v)) \
	R(icalparameter *, icalparameter_new_rsvp, (icalparameter_rsvp v), (v)) \
	R(icalparameter *, icalparameter_new_tzid, (const char *v), (v)) \
	V(void, icalproperty_add_parameter, (icalproperty *prop, icalparameter *parameter), (prop, parameter)) \
	R(char *, icalproperty_as_ical_string_r, (icalproperty *prop), (prop)) \
	V(void, icalproperty_free, (icalproperty *prop), (prop)) \
	R(struct icalrecurrencetype, icalproperty_get_rrule, (const icalproperty *prop), (prop)) \
	R(int, icalproperty_get_tzoffsetfrom, (const icalproperty *prop), (prop)) \
	R(int, icalproperty_get_tzoffsetto, (const icalproperty *prop), (prop)) \
	R(icalproperty *, icalproperty_new_action, (enum icalproperty_action v), (v)) \
	R(icalproperty *, icalproperty_new_attendee, (const char *v), (v)) \
	R(icalproperty *, icalproperty_new_categories, (const char *v), (v)) \
	R(icalproperty *, icalproperty_new_contact, (const char *v), (v)) \
	R(icalproperty *, icalproperty_new_description, (const char *v), (v)) \
	R(icalproperty *, icalproperty_new_dtend, (struct icaltimetype v), (v)) \
	R(icalproperty *, icalproperty_new_dtstamp, (struct icaltimetype v), (v)) \
	R(icalproperty *, icalproperty_new_dtstart, (struct icaltimetype v), (v)) \
	R(icalproperty *, icalproperty_new_location, (const char *v), (v)) \
	R(icalproperty *, icalproperty_new_organizer, (const char *v), (v)) \
	R(icalproperty *, icalproperty_new_relatedto, (const char *v), (v)) \
	R(icalproperty *, icalproperty_new_rrule, (struct icalrecurrencetype v), (v)) \
	R(icalproperty *, icalproperty_new_sequence, (int v), (v)) \
	R(icalproperty *, icalproperty_new_status, (enum icalproperty_status v), (v)) \
	R(icalproperty *, icalproperty_new_summary, (const char *v), (v)) \
	R(icalproperty *, icalproperty_new_trigger, (struct icaltriggertype v), (v)) \
	R(icalproperty *, icalproperty_new_uid, (const char *v), (v)) \
	R(icalproperty *, icalproperty_new_url, (const char *v), (v)) \
	R(icalproperty *, icalproperty_new_x, (const char *v), (v)) \
	V(void, icalproperty_set_rrule, (icalproperty *prop, struct icalrecurrencetype v), (prop, v)) \
	V(void, icalproperty_set_tzid, (icalproperty *prop, const char *v), (prop, v)) \
	V(void, icalproperty_set_x_name, (icalproperty *prop, const char *name), (prop, name)) \
	V(void, icalrecurrencetype_clear, (struct icalrecurrencetype *r), (r)) \
	R(struct icaltimetype, icaltime_from_timet_with_zone, (const time_t tm, const int is_date, const icaltimezone *zone), (tm, is_date, zone)) \
	R(int, icaltime_is_null_time, (const struct icaltimetype t), (t)) \
	R(struct icaltimetype, icaltime_null_time, (void), ()) \
	R(icaltimezone *, icaltimezone_get_builtin_timezone, (const char *location), (location)) \
	R(icalcomponent *, icaltimezone_get_component, (icaltimezone *zone), (zone)) \
	R(int, icaltimezone_get_utc_offset_of_utc_time, (icaltimezone *zone, struct icaltimetype *tt, int *is_daylight), (zone, tt, is_daylight)) \
	R(icaltimezone *, icaltimezone_get_utc_timezone, (void), ()) \
	V(void, icaltimezone_truncate_vtimezone, (icalcomponent *vtz, icaltimetype start, icaltimetype end, int ms_compatible), (vtz, start, end, ms_compatible))

#define POINTER(ret, name, params, args) static ret(*p_##name) params;
LIBICAL_FUNCTIONS(POINTER, POINTER)

#define ENTRY(ret, name, params, args) {(void *)&p_##name, #name},
static const struct rt_dl_symbol symbols[] = {LIBICAL_FUNCTIONS(ENTRY, ENTRY)};

static struct rt_dl_lib libical = {
	LIBICAL_SONAME, "libical3", "libical 3.0", symbols,
	sizeof(symbols) / sizeof(symbols[0]), 0, "",
};

bool rt_ical_load(char *err, size_t errlen)
{
	return rt_dl_bind(&libical, err, errlen);
}

/* Commands that write calendars call rt_ical_load() first and report a
 * failure themselves; this is the backstop for any other way in. */
static void need(void)
{
	char why[256];
	if (!rt_dl_bind(&libical, why, sizeof(why))) {
		fprintf(stderr, "retrason: %s\n", why);
		exit(EX_UNAVAILABLE);
	}
}

#define FORWARD(ret, name, params, args) \
	ret name params                  \
	{                                \
		need();                  \
		return p_##name args;    \
	}
#define FORWARD_VOID(ret, name, params, args) \
	ret name params                       \
	{                                     \
		need();                       \
		p_##name args;                \
	}
LIBICAL_FUNCTIONS(FORWARD, FORWARD_VOID)
