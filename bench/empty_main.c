/* The floor for `agenda show`: a process that does nothing, linked like
 * retrason (same dependencies, same linker flags). */
int main(void)
{
	return 0;
}
