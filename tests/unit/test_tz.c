/* $TZ as retrason reads it when a file has no Timezone: a zone name, a
 * path into the zone database or a link to one, or something that
 * names no zone (a POSIX rule), which must never pass for another zone. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "retrason/tz.h"

static void with_tz(const char *tz, const char *want_zone, const char *want_rule)
{
	setenv("TZ", tz, 1);
	const char *rule = rt_tz_env_rule();
	if (want_rule)
		CHECK_STR(rule ? rule : "(none)", want_rule);
	else
		CHECK(rule == NULL);
	if (want_zone) {
		char *z = rt_tz_system();
		CHECK_STR(z, want_zone);
		free(z);
	}
}

int main(void)
{
	const char *dir = getenv("TZDIR") ? getenv("TZDIR") : "/usr/share/zoneinfo";
	char berlin[PATH_MAX], link[] = "/tmp/retrason-tz-XXXXXX";
	snprintf(berlin, sizeof(berlin), "%s/Europe/Berlin", dir);
	if (rt_tz_lookup("Europe/Berlin") != RT_TZ_OK) {
		puts("no zone database: skipped");
		return 77;
	}
	with_tz("Europe/Berlin", "Europe/Berlin", NULL);
	with_tz(":Europe/Berlin", "Europe/Berlin", NULL);
	char path[PATH_MAX + 1];
	snprintf(path, sizeof(path), ":%s", berlin);
	with_tz(path, "Europe/Berlin", NULL);
	/* A link to a zone file, as /etc/localtime is. */
	CHECK(mkdtemp(link) != NULL);
	char at[PATH_MAX];
	snprintf(at, sizeof(at), "%s/localtime", link);
	CHECK(symlink(berlin, at) == 0);
	snprintf(path, sizeof(path), ":%s", at);
	with_tz(path, "Europe/Berlin", NULL);
	unlink(at);
	rmdir(link);
	/* Names no zone: reported, and not taken as the system's zone. */
	with_tz("EST5EDT,M3.2.0,M11.1.0", NULL, "EST5EDT,M3.2.0,M11.1.0");
	with_tz(":/nonexistent/zone", NULL, ":/nonexistent/zone");
	unsetenv("TZ");
	CHECK(rt_tz_env_rule() == NULL);
	return check_done();
}
