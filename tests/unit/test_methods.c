/* The iTIP METHOD names, and that the journal's words stay its own. */
#include "check.h"
#include "retrason/ical.h"
#include "retrason/journal.h"

int main(void)
{
	static const struct {
		enum rt_ics_method m;
		const char *want;
	} itip[] = {
		{RT_ICS_PUBLISH, "PUBLISH"},
		{RT_ICS_REQUEST, "REQUEST"},
		{RT_ICS_CANCEL, "CANCEL"},
	};
	for (size_t i = 0; i < sizeof(itip) / sizeof(itip[0]); i++)
		CHECK_STR(rt_ics_method_name(itip[i].m), itip[i].want);

	static const struct {
		enum rt_journal_method m;
		const char *want;
	} journal[] = {
		{RT_JM_REQUEST, "REQUEST"},
		{RT_JM_WITHDRAW, "WITHDRAW"}, /* a METHOD:CANCEL to one attendee */
		{RT_JM_CANCEL, "CANCEL"},
	};
	for (size_t i = 0; i < sizeof(journal) / sizeof(journal[0]); i++)
		CHECK_STR(rt_journal_method_names[journal[i].m], journal[i].want);
	return check_done();
}
