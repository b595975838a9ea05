#include "retrason/tz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "retrason/buf.h"
#include "retrason/strutil.h"
#include "retrason/xalloc.h"

static const char *tzdir(void)
{
	const char *d = getenv("TZDIR");
	return d && *d ? d : "/usr/share/zoneinfo";
}

/* Only plain names: no absolute paths, no "..", nothing a shell or a
 * calendar would choke on. */
static bool name_ok(const char *name)
{
	if (!*name || *name == '/' || strlen(name) > 64)
		return false;
	for (const char *p = name; *p; p++) {
		char c = *p;
		bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
			     (c >= '0' && c <= '9');
		if (!alnum && c != '/' && c != '_' && c != '-' && c != '+')
			return false;
		if (c == '/' && (p[1] == '/' || p[1] == '\0'))
			return false;
	}
	return true;
}

enum rt_tz_result rt_tz_lookup(const char *name)
{
	struct stat st;
	if (stat(tzdir(), &st) != 0 || !S_ISDIR(st.st_mode))
		return RT_TZ_UNVERIFIABLE;
	if (!name_ok(name))
		return RT_TZ_UNKNOWN;

	struct rt_buf path;
	rt_buf_init(&path);
	rt_buf_addf(&path, "%s/%s", tzdir(), name);
	enum rt_tz_result r = RT_TZ_UNKNOWN;
	FILE *f = fopen(rt_buf_str(&path), "rb");
	if (f) {
		char magic[4];
		if (fread(magic, 1, 4, f) == 4 && memcmp(magic, "TZif", 4) == 0)
			r = RT_TZ_OK;
		fclose(f);
	}
	rt_buf_finish(&path);
	return r;
}

/* The part of a path after ".../zoneinfo/", if it names a zone; a link
 * to one (TZ=:/etc/localtime) is followed. */
static char *from_zoneinfo_path(const char *path)
{
	const char *p = strstr(path, "zoneinfo/");
	if (!p) {
		char *real = realpath(path, NULL);
		char *z = real && strstr(real, "zoneinfo/") ? from_zoneinfo_path(real) : NULL;
		free(real);
		return z;
	}
	p += strlen("zoneinfo/");
	/* Debian's posix/ and right/ trees hold the same zones. */
	if (!strncmp(p, "posix/", 6))
		p += 6;
	return rt_tz_lookup(p) == RT_TZ_OK ? xstrdup(p) : NULL;
}

const char *rt_tz_env_rule(void)
{
	const char *tz = getenv("TZ");
	if (!tz || !*tz)
		return NULL;
	const char *name = *tz == ':' ? tz + 1 : tz;
	if (*name == '/') {
		char *z = from_zoneinfo_path(name);
		free(z);
		return z ? NULL : tz;
	}
	return rt_tz_lookup(name) == RT_TZ_UNKNOWN ? tz : NULL;
}

char *rt_tz_system(void)
{
	const char *tz = getenv("TZ");
	if (tz && *tz) {
		if (*tz == ':')
			tz++;
		if (*tz == '/') {
			char *z = from_zoneinfo_path(tz);
			return z ? z : xstrdup("UTC");
		}
		if (rt_tz_lookup(tz) == RT_TZ_OK)
			return xstrdup(tz);
	}

	FILE *f = fopen("/etc/timezone", "r");
	if (f) {
		char line[128];
		if (fgets(line, sizeof(line), f)) {
			line[strcspn(line, " \t\r\n")] = '\0';
			if (rt_tz_lookup(line) == RT_TZ_OK) {
				fclose(f);
				return xstrdup(line);
			}
		}
		fclose(f);
	}

	char target[4096];
	ssize_t n = readlink("/etc/localtime", target, sizeof(target) - 1);
	if (n > 0) {
		target[n] = '\0';
		char *z = from_zoneinfo_path(target);
		if (z)
			return z;
	}
	return xstrdup("UTC");
}

/* Zone and link names from tzdata.zi ("Z name …", "L target name"),
 * read once: a file with many bad Timezone lines (or a fuzzer) asks for
 * suggestions over and over.  Freed at exit. */
static struct rt_buf zone_names; /* NUL-separated */
static bool zone_names_read;

static void free_zone_names(void)
{
	rt_buf_finish(&zone_names);
}

static void read_zone_names(void)
{
	zone_names_read = true;
	struct rt_buf path;
	rt_buf_init(&path);
	rt_buf_init(&zone_names);
	rt_buf_addf(&path, "%s/tzdata.zi", tzdir());
	FILE *f = fopen(rt_buf_str(&path), "r");
	rt_buf_finish(&path);
	rt_buf_add(&zone_names, "UTC", 4);
	atexit(free_zone_names);
	if (!f)
		return;
	char line[512];
	while (fgets(line, sizeof(line), f)) {
		char *name = NULL;
		if (line[0] == 'Z' && line[1] == ' ') {
			name = line + 2;
		} else if (line[0] == 'L' && line[1] == ' ') {
			name = strchr(line + 2, ' ');
			if (name)
				name++;
		}
		if (!name)
			continue;
		name[strcspn(name, " \t\r\n")] = '\0';
		rt_buf_add(&zone_names, name, strlen(name) + 1);
	}
	fclose(f);
}

static void each_known_zone(void (*fn)(const char *name, void *ctx), void *ctx)
{
	if (!zone_names_read)
		read_zone_names();
	for (size_t i = 0; i < zone_names.len; i += strlen(zone_names.data + i) + 1)
		fn(zone_names.data + i, ctx);
}

static void consider(const char *name, void *ctx)
{
	rt_nearest_add(ctx, name);
}

char *rt_tz_suggest(const char *name)
{
	struct rt_nearest n;
	/* One edit per four letters, stricter than for field names: zone
	 * names are long and there are hundreds of them. */
	rt_nearest_init(&n, name, strlen(name), 4);
	each_known_zone(consider, &n);
	/* The name itself, when it is listed but its file is missing. */
	if (!n.best || !strcmp(n.best, name))
		return NULL;
	return xstrdup(n.best);
}
