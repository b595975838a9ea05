/* Walks one SOURCE with rt_source_walk() and prints, for tests/sources.py
 * and bench/imap.py, a line per message with its origin, its length and
 * its FNV-1a hash, then the result and the new UID mark:
 *
 *   walk [--uidvalidity N] [--last-uid N] [--user U] [--cacert FILE]
 *        [--insecure] [--timeout S] [--stop-after K] [--quiet] SOURCE
 *
 * The summary has the process's peak memory (VmHWM: not inherited across
 * exec as getrusage()'s maximum is).  The IMAP password comes from
 * RETRASON_IMAP_PASSWORD, as the command's would.  --stop-after K makes the callback refuse the message after
 * the K-th; --quiet prints only the summary (the benchmark). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "retrason/hash.h"
#include "retrason/msgsource.h"

static const char *const names[] = {
	"OK", "USAGE", "NOINPUT", "IO", "CONFIG", "AUTH", "TEMPORARY", "TLS", "PROTOCOL",
	"STOPPED",
};

struct run {
	long stop_after;
	bool quiet;
	unsigned long seen;
};

static bool print_msg(void *ctx, const char *msg, size_t len, const struct rt_msg_origin *o)
{
	struct run *r = ctx;
	if (r->stop_after >= 0 && r->seen >= (unsigned long)r->stop_after)
		return false;
	r->seen++;
	if (!r->quiet)
		printf("msg\tuid=%lu\tuidvalidity=%lu\toffset=%lld\tlen=%zu\tfnv=%016llx\tpath=%s\n",
		       o->uid, o->uidvalidity, o->offset, len,
		       (unsigned long long)rt_hash(RT_HASH_BASIS, msg, len),
		       o->path ? o->path : "-");
	return true;
}

/* The peak resident memory of this process in KiB, or 0. */
static unsigned long peak_kib(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	unsigned long kib = 0;
	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "VmHWM: %lu kB", &kib) == 1)
			break;
	if (f)
		fclose(f);
	return kib;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"uidvalidity", required_argument, NULL, 'v'},
		{"last-uid", required_argument, NULL, 'l'},
		{"user", required_argument, NULL, 'u'},
		{"cacert", required_argument, NULL, 'c'},
		{"insecure", no_argument, NULL, 'k'},
		{"timeout", required_argument, NULL, 't'},
		{"stop-after", required_argument, NULL, 's'},
		{"quiet", no_argument, NULL, 'q'},
		{NULL, 0, NULL, 0},
	};
	struct rt_imap_config imap = {.password = getenv("RETRASON_IMAP_PASSWORD")};
	unsigned long uidvalidity = 0, last_uid = 0;
	struct run r = {.stop_after = -1};
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'v':
			uidvalidity = strtoul(optarg, NULL, 10);
			break;
		case 'l':
			last_uid = strtoul(optarg, NULL, 10);
			break;
		case 'u':
			imap.user = optarg;
			break;
		case 'c':
			imap.cacert = optarg;
			break;
		case 'k':
			imap.insecure = true;
			break;
		case 't':
			imap.timeout = strtol(optarg, NULL, 10);
			break;
		case 's':
			r.stop_after = strtol(optarg, NULL, 10);
			break;
		case 'q':
			r.quiet = true;
			break;
		default:
			return 2;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "usage: walk [options] SOURCE\n");
		return 2;
	}
	if (imap.password && !*imap.password)
		imap.password = NULL;
	struct rt_source_counts n = {0};
	char err[512] = "";
	enum rt_source_result rc = rt_source_walk(argv[optind], &imap, &uidvalidity, &last_uid,
						  print_msg, &r, &n, err, sizeof(err));
	printf("result=%s\tuidvalidity=%lu\tlast_uid=%lu\tmessages=%lu\ttoo_large=%lu\tgone=%lu"
	       "\tpeak_kib=%lu\n",
	       names[rc], uidvalidity, last_uid, n.messages, n.too_large, n.gone, peak_kib());
	if (rc)
		printf("err=%s\n", err);
	return fflush(stdout) == 0 ? 0 : 1;
}
