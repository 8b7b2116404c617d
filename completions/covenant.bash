# bash completion for covenant                                  -*- shell-script -*-
# Installed as share/bash-completion/completions/covenant.

_covenant()
{
    local cur prev cmd i
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    cmd=
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            parse|check|diff|help) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done

    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "parse check diff help --help --version -V" -- "$cur"))
        return
    fi

    local common="--format --lang --encoding --input-format --max-size --glob --output --color --data --help --version"
    local opts formats
    case $cmd in
        parse) opts=$common; formats="json ndjson tree akn md" ;;
        check) opts="$common --standard --min-severity --fail-on"; formats="text json ndjson md" ;;
        diff) opts="$common --old-label --new-label --all --no-impact"; formats="text json ndjson md" ;;
        help) COMPREPLY=($(compgen -W "parse check diff" -- "$cur")); return ;;
    esac

    case $prev in
        -f|--format) COMPREPLY=($(compgen -W "$formats" -- "$cur")); return ;;
        --input-format) COMPREPLY=($(compgen -W "auto text html pdf docx akn" -- "$cur")); return ;;
        --color|--colour) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        --min-severity|--fail-on) COMPREPLY=($(compgen -W "high medium low positive" -- "$cur")); return ;;
        --standard) COMPREPLY=($(compgen -W "iccpr" -- "$cur")); return ;;
        -l|--lang) COMPREPLY=($(compgen -W "auto en ru kk uk be fr" -- "$cur")); return ;;
        -e|--encoding) COMPREPLY=($(compgen -W "UTF-8 UTF-16LE UTF-16BE windows-1251 koi8-r koi8-u ISO-8859-5 IBM866 windows-1252" -- "$cur")); return ;;
        -o|--output) COMPREPLY=($(compgen -f -- "$cur")); return ;;
        --data) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        --max-size|--glob|--old-label|--new-label) COMPREPLY=(); return ;;
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}
complete -o filenames -F _covenant covenant
