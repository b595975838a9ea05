# fish completion for retrason(1).  Verbs and options are read from
# retrason's own --help, so they cannot drift from the program.

function __retrason_words
    commandline -opc
end

# True while the command line holds exactly n words before the cursor.
function __retrason_at
    test (count (__retrason_words)) -eq $argv[1]
end

function __retrason_verbs
    set -l w (__retrason_words)
    set -l noun $w[2]
    test "$noun" = help; and set noun $w[3]
    retrason help $noun 2>/dev/null | string replace -rf -- "^  $noun ([a-z]+) +(.*)" '$1\t$2'
end

function __retrason_in_command
    set -l w (__retrason_words)
    test (count $w) -ge 3; and test "$w[2]" != help
end

# The option whose value is being typed ("--lang en", "--lang=en"), or
# nothing.
function __retrason_value_of
    set -l tok (commandline -ct)
    if string match -qr -- '^--[a-z-]+=' $tok
        string replace -r -- '=.*' '' $tok
        return
    end
    set -l w (__retrason_words)
    string match -r -- '^-.*' $w[-1]
end

function __retrason_complete
    set -l w (__retrason_words)
    set -l tok (commandline -ct)
    set -l opt (__retrason_value_of)
    set -l prefix ''
    string match -qr -- '^--[a-z-]+=' $tok; and set prefix "$opt="
    set -l values
    switch "$opt"
        case -f --format
            set values json markdown html
        case --lang
            set values de en
        case --color
            # --color[=WHEN] takes a value only after "=": "--color
            # always" would read "always" as a file.
            test -n "$prefix"; and set values auto always never
        case --to --cacert --journal -o --output
            __fish_complete_path (string replace -- "$prefix" '' $tok) | string replace -r -- '^' "$prefix"
            return
        case -w --width --sequence --timeout --retries --parallel --rate --smtp --from
            return
    end
    if set -q values[1]
        printf '%s\n' $prefix$values
        return
    end
    if string match -q -- '-*' $tok
        retrason $w[2] $w[3] --help 2>/dev/null |
            string replace -rf -- '^ +(?:-[a-zA-Z], )?(--[a-z-]+)(?:\[?=\S*)? +(.*)' '$1\t$2'
        return
    end
    # Agenda files, and folders to find them in.
    for f in $tok*
        if test -d $f
            echo $f/
        else if string match -q -- '*.agenda' $f
            echo $f
        end
    end
end

complete -c retrason -f
complete -c retrason -n '__retrason_at 1' -a 'agenda invite help'
complete -c retrason -n '__retrason_at 1' -l help -l version
complete -c retrason -n '__retrason_at 2; and test (__retrason_words)[2] != help' -a '(__retrason_verbs)'
complete -c retrason -n '__retrason_at 2; and test (__retrason_words)[2] = help' -a 'agenda invite'
complete -c retrason -n '__retrason_at 3; and test (__retrason_words)[2] = help' -a '(__retrason_verbs)'
complete -c retrason -n '__retrason_in_command' -a '(__retrason_complete)'
