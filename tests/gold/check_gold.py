#!/usr/bin/env python3
"""Consistency checks for the gwkg gold set (tests/gold/entities.toml, tests/gold/sentences.toml).

Run from anywhere:  python3 tests/gold/check_gold.py [-v]

Hard errors (exit status 1):
  * TOML does not parse / required fields missing / bad types
  * an entity alias (or, if no alias occurs, the name) is not found in the corpus
    (corpus text is compared with all whitespace removed, which undoes the PDF
    hard-wrapping and the spaces inside words/numbers)
  * an entity year is not supported by any occurrence of one of its surface forms
    (or by a gold sentence mention) in a section that speaks about that year
  * a sentence text is not a contiguous piece of its report (whitespace removed),
    does not end at 。！？； or at the end of a bullet line
  * a mention surface does not occur (often enough) in its sentence, its
    (type, name) is not an entity of entities.toml, or its surface is neither the
    entity name nor one of its aliases
  * size requirements (>=170 entities, >=30 per type, >=70 sentences, >=10 per report)

Warnings (printed, exit status 0):
  * a surface form of some gold entity occurs in a gold sentence but is covered by
    no mention and is not explained by the non-entity contexts listed below
    (the sentences are meant to be annotated exhaustively, so this should not happen)
  * -v: years in which an entity form occurs (outside the listed non-entity contexts
    and outside longer entity names) but which are not listed for the entity
"""
import os, re, sys, tomllib
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
CORPUS = os.path.join(ROOT, 'corpus')
TYPES = ('programme', 'place', 'project', 'institution')
TERMINATORS = '。！？；'


def norm(s):
    return re.sub(r'\s+', '', s)


# ---------------------------------------------------------------- year sections
def sections(stem, t):
    """[(start, end, years)] over the whitespace-free text of a report."""
    def at(s):
        i = t.find(s)
        assert i >= 0, (stem, s)
        return i
    if stem == '2019-chongqing-government-work-report':
        a, b = at('一、2018年工作回顾'), at('二、2019年工作安排')
        return [(a, b, [2018]), (b, len(t), [2019])]
    if stem == '2024-chongqing-government-work-report':
        a, b = at('一、2023年工作回顾'), at('二、2024年主要任务')
        return [(a, b, [2023]), (b, len(t), [2024])]
    if stem == '2025-chongqing-government-work-report-summary':
        a, b = at('2024●'), at('2025年，做好政府工作的总体要求')   # the bare line "2024" starts the review
        return [(a, b, [2024]), (b, len(t), [2025])]
    if stem == '2025-07-chongqing-plan-execution-report':
        return [(at('一、1—6月计划执行情况'), len(t), [2025])]
    if stem == '2026-chongqing-government-work-report':
        a, b = at('刚刚过去的2025年'), at('透过2025回望“十四五”')
        end = '“十四五”规划目标任务总体完成。'
        c = at(end) + len(end)                                   # after this: 。。。。 + advert = junk
        return [(a, b, [2025]), (b, c, [2021, 2022, 2023, 2024, 2025])]
    raise KeyError(stem)


def years_at(secs, pos):
    for a, b, y in secs:
        if a <= pos < b:
            return y
    return []


# ------------------------------------------------- names that are not entities
# Strings that are names of things of other kinds (events, forums, documents,
# services/train brands, slogans, goals, designations, government bodies ...).
# A gold-entity surface form that occurs strictly inside one of them is NOT a
# mention (README.md, "nesting").  Book titles 《...》 are added automatically.
NOT_ENTITY_CONTEXTS = [
    "“一带一路”华侨华人合作发展大会", "“一带一路”国际技术转移中心", "“一带一路”国际技能大赛", "“一带一路”科技交流大会", "“一带一路”科技创新合作区", "“一带一路”陆海联动发展论坛",
    "“川渝通办”", "“总书记有号令、党中央有部署,重庆见行动”", "“总书记有号令、党中央有部署，重庆见行动”", "“数字重庆”云平台", "“百万人才兴重庆”", "“西部领先、全国进位和重庆辨识度”",
    "“长江风景眼、重庆生态岛”", "“雄奇山水新韵重庆”", "不夜重庆", "东盟快班", "中共重庆市委", "中国(重庆)国际消费节",
    "中国—东盟法治论坛", "中欧班列(成渝)", "中欧班列（成渝）", "中欧班列（重庆）", "中西部国际交往中心", "乡村振兴示范区",
    "乡村振兴试点县", "信用成渝", "信用重庆", "全国一体化算力网络（成渝）", "全国融资信用服务平台(重庆站)", "全面建成小康社会",
    "双城经济圈产业合作示范园区", "双城经济圈市场一体化", "国家高新区", "国际消费中心城市", "小康社会", "川渝粮食应急保障体系",
    "平安重庆", "感知重庆", "成渝中线科创走廊", "成渝共建“一带一路”科技创新合作区", "成渝现代高效特色农业带", "成渝综合性科学中心",
    "成渝跨里海国际运输走廊班列", "投资重庆", "新时代西部“双城记”", "新重庆", "欧洲先进制造业企业重庆行", "武陵山区",
    "武陵山区(渝东南)土家族苗族文化生态保护实验区", "法治重庆", "清廉重庆", "爱尚重庆", "现代化新重庆", "美丽重庆",
    "西部内陆地区", "西部创新资源集聚地", "西部医学中心", "西部地区高质量发展先行区", "西部省区", "西部科普中心",
    "西部职教基地", "西部金融中央法务区", "西部金融中心", "西部陆海新通道五年行动方案", "越南驻渝总领馆", "重庆—新疆班列",
    "重庆之夜", "重庆产业投资母基金", "重庆代表团", "重庆分会场", "重庆制造", "重庆国际人才交流大会",
    "重庆国际人才洽谈会", "重庆实验室", "重庆小面", "重庆市人民政府", "重庆市停车管理条例", "重庆市公共数据资源登记系统",
    "重庆市剧本娱乐提质文旅招商对接活动", "重庆市协同研究基地", "重庆市哲学社会科学发展促进条例", "重庆市国际物流枢纽中心", "重庆市市长", "重庆市平安建设条例",
    "重庆市政府工作报告", "重庆市第五届", "重庆市第六届", "重庆故事", "重庆教育现代化2035", "重庆服务",
    "重庆港水运口岸", "重庆环境资源法庭", "重庆生态岛", "重庆电力现货市场", "重庆篇章", "重庆老字号",
    "重庆行", "重庆西部片区", "重庆见行动", "重庆辨识度", "重庆运营中心", "重庆造",
    "重庆）", "长江文明论坛", "长江经济带生态优先绿色发展示范区", "陆海新通道经济发展论坛", "魅力重庆",
]
# (context, form): the form inside this context is not a mention of the entity
# (word-boundary accidents and a river that shares its name with a laboratory).
NON_MENTION_PAIRS = [
    ('建成渝昆', '成渝'),          # 建 成 | 渝昆高铁
    ('荣昌区域', '荣昌区'),        # 大足荣昌 | 区域融合发展
    ('嘉陵江重庆段', '嘉陵江'),    # the river, not 嘉陵江实验室
]


def main():
    verbose = '-v' in sys.argv
    errors, warnings = [], []
    E = tomllib.load(open(os.path.join(HERE, 'entities.toml'), 'rb')).get('entity', [])
    S = tomllib.load(open(os.path.join(HERE, 'sentences.toml'), 'rb')).get('sentence', [])

    texts, secs = {}, {}
    for f in sorted(os.listdir(CORPUS)):
        if f.endswith('.txt'):
            stem = f[:-4]
            raw = open(os.path.join(CORPUS, f), encoding='utf-8').read()
            texts[stem] = norm(raw)
            secs[stem] = sections(stem, texts[stem])
    line_ends = {}   # positions (in whitespace-free text) where an original line ends
    for stem in texts:
        raw = open(os.path.join(CORPUS, stem + '.txt'), encoding='utf-8').read()
        pos, ends = 0, set()
        for line in raw.splitlines():
            pos += len(norm(line))
            ends.add(pos)
        line_ends[stem] = ends

    contexts = list(NOT_ENTITY_CONTEXTS)
    for t in texts.values():
        contexts += re.findall(r'《[^》]*》', t)
    contexts = sorted(set(contexts), key=len, reverse=True)

    # ------------------------------------------------------------ entities
    ent = {}
    forms_of = {}
    for i, e in enumerate(E):
        where = f"entity #{i+1} {e.get('name')!r}"
        for k, typ in (('type', str), ('name', str), ('aliases', list), ('years', list)):
            if not isinstance(e.get(k), typ):
                errors.append(f'{where}: field {k!r} missing or not a {typ.__name__}')
        if e.get('type') not in TYPES:
            errors.append(f"{where}: bad type {e.get('type')!r}")
        key = (e.get('type'), e.get('name'))
        if key in ent:
            errors.append(f'{where}: duplicate entity {key}')
        ent[key] = e
        ys = e.get('years', [])
        if ys != sorted(set(ys)) or not ys or not all(isinstance(y, int) for y in ys):
            errors.append(f'{where}: years must be a non-empty sorted list of distinct integers: {ys}')
        als = e.get('aliases', [])
        if len(set(als)) != len(als) or e.get('name') in als:
            errors.append(f'{where}: duplicate alias or alias equal to name')
        for a in als:
            if not any(a in t for t in texts.values()):
                errors.append(f'{where}: alias {a!r} not found in the corpus')
        code = re.fullmatch(r'[0-9+]+', e.get('name', ''))   # bare codes like 416 also match numbers
        forms = set(als) | (set() if code else {e.get('name')})
        if not any(f in t for f in forms for t in texts.values()):
            errors.append(f'{where}: neither name nor any alias found in the corpus')
        forms_of[key] = forms

    all_forms = sorted({f for fs in forms_of.values() for f in fs}, key=len, reverse=True)

    def blocked(t, a, b, form):
        """is the occurrence t[a:b] of `form` inside a longer entity form or a non-entity context?"""
        for ctx, f in NON_MENTION_PAIRS:
            if f == form:
                for m in re.finditer(re.escape(ctx), t):
                    if m.start() <= a and b <= m.end():
                        return True
        for c in contexts:
            if len(c) > b - a:
                i = t.find(c, max(0, b - len(c)))
                while 0 <= i <= a:
                    if i + len(c) >= b:
                        return True
                    i = t.find(c, i + 1)
        for f in all_forms:
            if len(f) <= b - a:
                break
            i = t.find(f, max(0, b - len(f)))
            while 0 <= i <= a:
                if i + len(f) >= b:
                    return True
                i = t.find(f, i + 1)
        return False

    # ------------------------------------------------------------ sentences
    mention_years = defaultdict(set)
    per_report = Counter()
    for i, s in enumerate(S):
        where = f'sentence #{i+1}'
        rep, text, ms = s.get('report'), s.get('text'), s.get('mentions')
        if rep not in texts or not isinstance(text, str) or not isinstance(ms, list):
            errors.append(f'{where}: bad report/text/mentions'); continue
        per_report[rep] += 1
        t = texts[rep]
        if norm(text) != text:
            errors.append(f'{where}: text contains whitespace')
        pos = t.find(text)
        if pos < 0:
            errors.append(f'{where}: text not found in {rep}: {text[:30]}…'); continue
        if not (text[-1] in TERMINATORS or (pos + len(text)) in line_ends[rep]):
            errors.append(f'{where}: text does not end at {TERMINATORS} or at a line end: …{text[-15:]}')
        if pos > 0 and t[pos - 1] not in TERMINATORS and pos not in line_ends[rep] and t[pos - 1] not in '●■.、，,）)':
            warnings.append(f'{where}: text does not start right after a sentence boundary: {t[max(0,pos-8):pos]}|{text[:10]}')
        ys = years_at(secs[rep], pos)
        if not ys:
            errors.append(f'{where}: sentence lies outside the report sections (header or junk)')
        spans, seen = [], Counter()
        for m in ms:
            ty, sf = m.get('type'), m.get('surface')
            name = m.get('name', sf)
            if ty not in TYPES or not sf:
                errors.append(f'{where}: bad mention {m}'); continue
            k = (ty, name)
            if k not in ent:
                errors.append(f'{where}: mention {m} refers to no entity in entities.toml')
            elif sf != name and sf not in ent[k]['aliases']:
                errors.append(f'{where}: surface {sf!r} is neither the name nor an alias of {k}')
            else:
                mention_years[k].update(ys)
            # the n-th listed mention of a surface is its n-th occurrence that is not
            # inside a longer entity form or a non-entity context (fallback: n-th raw occurrence)
            n = seen[sf]; seen[sf] += 1
            raw = [mm.start() for mm in re.finditer(re.escape(sf), text)]
            free = [j for j in raw if not blocked(t, pos + j, pos + j + len(sf), sf)]
            if n < len(free):
                spans.append((free[n], free[n] + len(sf)))
            elif n < len(raw):
                spans.append((raw[n], raw[n] + len(sf)))
            else:
                errors.append(f'{where}: surface {sf!r} occurs fewer than {n+1} times in the text')
        # exhaustiveness heuristic
        for f in all_forms:
            for mm in re.finditer(re.escape(f), text):
                a, b = mm.start(), mm.end()
                if any(x < b and a < y for x, y in spans):
                    continue
                if blocked(t, pos + a, pos + b, f):
                    continue
                warnings.append(f'{where}: {f!r} occurs but is not annotated: …{text[max(0,a-10):b+10]}…')

    # ------------------------------------------------------------ year support
    for key, e in ent.items():
        found = defaultdict(list)
        for stem, t in texts.items():
            for f in forms_of[key]:
                for mm in re.finditer(re.escape(f), t):
                    for y in years_at(secs[stem], mm.start()):
                        found[y].append((stem, mm.start(), mm.end(), f))
        listed = set(e.get('years', []))
        for y in sorted(listed):
            if y not in found and y not in mention_years[key]:
                errors.append(f'entity {key}: year {y} not supported by any occurrence in a {y} section')
        if verbose:
            for y in sorted(set(found) - listed):
                occ = [o for o in found[y] if not blocked(texts[o[0]], o[1], o[2], o[3])]
                if occ:
                    st, a, b, f = occ[0]
                    warnings.append(f'entity {key}: occurs in a {y} section but {y} is not listed '
                                    f'(ok if it is a coordination surface of another entity): …{texts[st][max(0,a-10):b+10]}…')

    # ------------------------------------------------------------ sizes
    tc = Counter(e.get('type') for e in E)
    if len(E) < 170:
        errors.append(f'only {len(E)} entities (< 170)')
    for ty in TYPES:
        if tc[ty] < 30:
            errors.append(f'only {tc[ty]} entities of type {ty} (< 30)')
    if len(S) < 70:
        errors.append(f'only {len(S)} sentences (< 70)')
    for stem in texts:
        if per_report[stem] < 10:
            errors.append(f'only {per_report[stem]} sentences from {stem} (< 10)')
    years_ent = Counter(y for e in E for y in e.get('years', []))
    mc = Counter(m.get('type') for s in S for m in s.get('mentions', []))

    print(f'entities: {len(E)}  ' + '  '.join(f'{t}={tc[t]}' for t in TYPES))
    print(f'sentences: {len(S)}  ' + '  '.join(f'{k}={v}' for k, v in sorted(per_report.items())))
    print(f'mentions: {sum(mc.values())}  ' + '  '.join(f'{t}={mc[t]}' for t in TYPES))
    print('entities per year: ' + '  '.join(f'{y}={n}' for y, n in sorted(years_ent.items())))
    for w in warnings:
        print('WARNING', w)
    for e in errors:
        print('ERROR', e)
    print('OK' if not errors else f'{len(errors)} error(s)')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
