# A good file: check says nothing and exits 0.
$ retrason agenda check examples/kickoff.agenda
