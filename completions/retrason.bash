# bash completion for retrason(1): commands, options and files of the
# right kind.  Options and verbs are read from retrason's own --help, so
# they cannot drift from the program.

# The long and short options one command's --help lists: "--format="
# for one that needs its value ("--format=FORMAT"), the bare name for
# one whose value is optional ("--color[=WHEN]": the value can only
# follow "=", so "--color " must stay possible).
_retrason_options()
{
    "${1:-retrason}" "$2" "$3" --help 2>/dev/null |
        sed -n -e 's/^ \{1,\}\(-[a-zA-Z]\)\{0,1\},\{0,1\} *\(--[a-z-]*\)=.*/\1 \2=/p' -e t \
            -e 's/^ \{1,\}\(-[a-zA-Z]\)\{0,1\},\{0,1\} *\(--[a-z-]*\).*/\1 \2/p'
}

_retrason()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    local exe=${COMP_WORDS[0]} noun=${COMP_WORDS[1]} verb=${COMP_WORDS[2]}
    COMPREPLY=()

    # "--opt=value": complete the value.  attached: the value follows
    # "=" (the only way to give --color one).
    local attached=
    if [[ $cur == --*=* ]]; then
        prev=${cur%%=*}
        cur=${cur#*=}
        attached=1
    elif [[ $cur == = ]]; then
        cur=
        attached=1
    elif [[ $prev == = && COMP_CWORD -ge 2 ]]; then
        prev=${COMP_WORDS[COMP_CWORD-2]}
        attached=1
    fi

    if (( COMP_CWORD == 1 )); then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W '--help --version' -- "$cur"))
        else
            COMPREPLY=($(compgen -W 'agenda invite help' -- "$cur"))
        fi
        return
    fi
    if (( COMP_CWORD == 2 )) || [[ $noun == help && COMP_CWORD -le 3 ]]; then
        local n=$noun
        if [[ $noun == help ]]; then
            n=${COMP_WORDS[2]}
            if (( COMP_CWORD == 2 )); then
                COMPREPLY=($(compgen -W 'agenda invite' -- "$cur"))
                return
            fi
        fi
        local verbs
        verbs=$("$exe" help "$n" 2>/dev/null | sed -n "s/^  $n \([a-z]*\) .*/\1/p")
        COMPREPLY=($(compgen -W "$verbs" -- "$cur"))
        return
    fi

    case $prev in
    -f|--format) COMPREPLY=($(compgen -W 'json markdown html' -- "$cur")); return ;;
    --lang) COMPREPLY=($(compgen -W 'de en' -- "$cur")); return ;;
    --color)
        # "--color always" would read "always" as a file.
        if [[ $attached ]]; then
            COMPREPLY=($(compgen -W 'auto always never' -- "$cur")); return
        fi ;;
    --to|--cacert|--journal)
        COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
    -o|--output)
        if [[ $noun == invite && ( $verb == send || $verb == cancel ) ]]; then
            COMPREPLY=($(compgen -d -- "$cur"))
        else
            COMPREPLY=($(compgen -f -- "$cur"))
        fi
        compopt -o filenames 2>/dev/null; return ;;
    -w|--width|--sequence|--timeout|--retries|--parallel|--rate|--smtp|--from)
        return ;;
    esac

    if [[ $cur == -* ]]; then
        local opts
        opts=$(_retrason_options "$exe" "$noun" "$verb")
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        # "--format=" waits for its value: no space after it.
        if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]]; then
            compopt -o nospace 2>/dev/null
        fi
        return
    fi

    # Agenda files, and folders to find them in.
    compopt -o filenames 2>/dev/null
    local IFS=$'\n'
    COMPREPLY=($(compgen -d -- "$cur") $(compgen -f -X '!*.agenda' -- "$cur"))
}
complete -F _retrason retrason
