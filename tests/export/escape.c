/* Test helper: escapes standard input (any bytes) with one of the
 * exporters' escapers, so that tests can read the result back with real
 * JSON, HTML and Markdown parsers.  Usage: escape json|html|markdown */
#include <stdio.h>
#include <string.h>

#include "retrason/buf.h"
#include "retrason/export.h"

int main(int argc, char **argv)
{
	struct rt_buf in, out;
	char chunk[4096];
	size_t n;

	if (argc != 2)
		return 64;
	rt_buf_init(&in);
	rt_buf_init(&out);
	while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0)
		rt_buf_add(&in, chunk, n);
	if (!strcmp(argv[1], "json"))
		rt_json_string(&out, in.data ? in.data : "", in.len);
	else if (!strcmp(argv[1], "html"))
		rt_html_text(&out, in.data ? in.data : "", in.len);
	else if (!strcmp(argv[1], "markdown"))
		rt_markdown_text(&out, in.data ? in.data : "", in.len);
	else
		return 64;
	fwrite(out.data ? out.data : "", 1, out.len, stdout);
	rt_buf_finish(&in);
	rt_buf_finish(&out);
	return ferror(stdout) ? 74 : 0;
}
