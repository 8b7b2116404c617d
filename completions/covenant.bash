# bash completion for covenant                                  -*- shell-script -*-
# Installed as share/bash-completion/completions/covenant.
#
# The commands, each command's options and its output formats are read from
# covenant's own help (`covenant --help`, `covenant COMMAND --help`), once per
# shell, so a new command or option is offered without editing this file.

_covenant_commands()
{
    [[ -n ${_covenant_cmds-} ]] || _covenant_cmds=$("$1" --help 2>/dev/null |
        awk '/^commands:/ { c = 1; next } c && /^$/ { exit } c && /^  [a-z]/ { print $1 }')
    printf '%s\n' "$_covenant_cmds"
}

# _covenant_help BIN CMD: the command's help, cached in _covenant_help_CMD.
_covenant_help()
{
    local var=_covenant_help_${2//[^a-z]/_}
    [[ -n ${!var-} ]] || printf -v "$var" '%s' "$("$1" "$2" --help 2>/dev/null)"
    printf '%s\n' "${!var}"
}

_covenant()
{
    local cur prev bin cmd i
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    bin=${COMP_WORDS[0]}
    type -P "$bin" >/dev/null 2>&1 || [[ -x $bin ]] || bin=covenant
    local cmds
    cmds=$(_covenant_commands "$bin")
    cmd=
    for ((i = 1; i < COMP_CWORD; i++)); do
        if [[ " ${cmds//$'\n'/ } " == *" ${COMP_WORDS[i]} "* ]]; then
            cmd=${COMP_WORDS[i]}
            break
        fi
    done

    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "$cmds --help --version -V" -- "$cur"))
        return
    fi
    if [[ $cmd == help ]]; then
        COMPREPLY=($(compgen -W "$cmds" -- "$cur"))
        return
    fi

    local help
    help=$(_covenant_help "$bin" "$cmd")
    case $prev in
        -f|--format)
            # the words of the --format entry, up to the next option
            local formats
            formats=$(printf '%s\n' "$help" | awk '/^ +-f, --format|^ +--format/ { f = 1; print; next }
                f && /^ +-/ { exit } f { print }' |
                grep -oE '\b(text|json|ndjson|md|tree|akn|html)\b' | sort -u)
            COMPREPLY=($(compgen -W "$formats" -- "$cur")); return ;;
        --input-format) COMPREPLY=($(compgen -W "auto text html pdf docx akn" -- "$cur")); return ;;
        --color|--colour) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        --min-severity) COMPREPLY=($(compgen -W "high medium low positive" -- "$cur")); return ;;
        --fail-on)
            case $cmd in
                diff) COMPREPLY=($(compgen -W "new-high new-medium new-low" -- "$cur")) ;;
                conform) COMPREPLY=($(compgen -W "removed" -- "$cur")) ;;
                *) COMPREPLY=($(compgen -W "high medium low positive" -- "$cur")) ;;
            esac
            return ;;
        --standard) COMPREPLY=($(compgen -W "all iccpr icescr" -- "$cur")); return ;;
        -l|--lang) COMPREPLY=($(compgen -W "auto en ru kk uk be fr es pt so" -- "$cur")); return ;;
        -e|--encoding) COMPREPLY=($(compgen -W "UTF-8 UTF-16LE UTF-16BE windows-1251 koi8-r koi8-u ISO-8859-5 IBM866 windows-1252" -- "$cur")); return ;;
        -o|--output|--db|--from|--to|--against) COMPREPLY=($(compgen -f -- "$cur")); return ;;
        --data) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    esac

    if [[ $cur == -* ]]; then
        local opts
        opts=$(printf '%s\n' "$help" | grep -oE -- '(^|[ ,])--?[a-zA-Z][a-z-]*' | grep -oE -- '--?[a-zA-Z][a-z-]*' | sort -u)
        COMPREPLY=($(compgen -W "$opts --help" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}
complete -o filenames -F _covenant covenant
