/* The floor for `agenda show`: a process that does nothing.  Linked
 * twice (bench/meson.build): as retrason is, and with libc only. */
int main(void)
{
	return 0;
}
