/**
 * The public sources the rules follow (`notes/rules-sources.md` §12): national pages of J-LIS, 総務省
 * and デジタル庁, and municipal pages that apply the national 事務処理要領. Every rule and every
 * reason cites codes from this table in its `basis`, so a clerk or an auditor can open the page the
 * rule came from. Codes are checked by the compiler: a rule cannot cite a source that is not here.
 */

/** @category models */
export interface Source {
  readonly url: string
  /** National (J-LIS, 総務省, デジタル庁) rather than a municipality's page. */
  readonly national: boolean
  readonly title?: string
}

/** Every source code with its address. @category constants */
export const sources = {
  "JLIS-top": {
    url: "https://www.jpki.go.jp/",
    national: true,
    title: "公的個人認証サービス ポータルサイト (J-LIS) top page"
  },
  "JLIS-period": {
    url: "https://megalodon.jp/ref/2019-1113-1505-31/https://www.jpki.go.jp:443/procedure/period.html",
    national: true,
    title: "J-LIS 「電子証明書の有効期間と失効」 (archived 2019-11-13)"
  },
  "JLIS-jpki": {
    url: "https://www.kojinbango-card.go.jp/jpki/",
    national: true,
    title: "マイナンバーカード総合サイト 公的個人認証サービス(JPKI)総合ポータル"
  },
  "JLIS-tsuchi": {
    url: "https://www.kojinbango-card.go.jp/tsuchicard/",
    national: true,
    title: "マイナンバーカード総合サイト 「個人番号通知書および通知カードについて」"
  },
  "SOUMU-tsuchi": {
    url: "http://www.soumu.go.jp/kojinbango_card/02.html",
    national: true,
    title: "総務省 「通知カード」"
  },
  "S-manual": {
    url: "http://www.soumu.go.jp/main_content/000168499_shiryou.txt",
    national: true,
    title: "総務省 「福祉施設・支援団体の方向けマイナンバーカード取得・管理マニュアル【資料編】Ver.2」 (2023-12)"
  },
  "S-manual-honpen": {
    url: "https://wic-net.com/material/document/17557/26",
    national: true,
    title:
      "総務省 福祉施設・支援団体の方向けマイナンバーカード取得・管理マニュアル 本編 p.26 (代理交付; 2023-03-31 見直し)"
  },
  "DIGITAL-faq": {
    url: "https://faq.myna.go.jp/faq/show/3505?category_id=108&site_domain=default",
    national: true,
    title: "デジタル庁 マイナンバー FAQ 3505"
  },
  "LAW-age": {
    url: "https://laws.e-gov.go.jp/law/135AC0000000050",
    national: true,
    title: "年齢計算ニ関スル法律 (with 民法143条): age increases at the end of the day before the birthday"
  },
  "SEED-Ota": { url: "seeds/001", national: false, title: "令和8年度 太田市マイナンバーカード関連事務業務委託仕様書" },
  "SEED-Kawanishi": { url: "seeds/002", national: false, title: "川西市マイナンバーカード交付関連業務委託仕様書" },
  "SEED-Kanazawa": { url: "seeds/003", national: false, title: "金沢市個人番号カード手続き業務委託仕様書" },
  "SEED-Koganei": {
    url: "seeds/004",
    national: false,
    title: "小金井市マイナンバーカード出張交付窓口等委託仕様書(案)"
  },
  "M-Shimogo": {
    url: "https://town.shimogo.fukushima.jp/organization/sougouseisaku/kikakuseisaku/2/243.html",
    national: false,
    title: "下郷町 (quotes 総務省)"
  },
  "M-Minato": { url: "http://www.city.minato.tokyo.jp/kikaku/faq/mainannba8.html", national: false },
  "M-Yonago": { url: "https://www.city.yonago.lg.jp/37694.htm", national: false },
  "M-Miyakonojo": { url: "https://www.city.miyakonojo.miyazaki.jp/soshiki/24/25997.html", national: false },
  "M-Miyoshi-T": { url: "https://www.miyoshi.i-tokushima.jp/docs/2597542.html", national: false },
  "M-Hanno": { url: "https://www.city.hanno.lg.jp/article/detail/5845", national: false },
  "M-Kounosu": { url: "http://www.city.kounosu.saitama.jp/site/mynumbercard/3236.html", national: false },
  "M-Osakasayama": {
    url: "http://www.city.osakasayama.osaka.jp/sosiki/siminseikatsubu/shiminmadoguchigurupu/news/1647393067584.html",
    national: false
  },
  "M-Nerima": {
    url: "https://d2g247nqf7ca21.cloudfront.net/kurashi/mynumber/mynumber_card/koshin/denshishomei.html",
    national: false,
    title: "練馬区「電子証明書の更新手続きについて」2023-11-06"
  },
  "M-Nishinoshima": { url: "http://www.town.nishinoshima.shimane.jp/bunya/b_kurashi/b_todokede/1389", national: false },
  "M-Tokorozawa": {
    url: "https://www.city.tokorozawa.saitama.jp/kurashi/mynumber/mynumbercard/simin20190912card_kousin.html",
    national: false
  },
  "M-Ise": { url: "https://www.city.ise.mie.jp/kurashi/koseki/mynumber/1018057.html", national: false },
  "M-Hikone": { url: "https://www.city.hikone.lg.jp/kakuka/shimin_kankyo/2/3_1/23154.html", national: false },
  "M-Okazaki": { url: "https://www.city.okazaki.lg.jp/1100/1101/1118/p043367.html", national: false },
  "M-Higashimurayama": {
    url: "https://www.city.higashimurayama.tokyo.jp/faq/kurashi/koseki/juki/jnet_q_005.html",
    national: false
  },
  "M-Uji": { url: "https://www.city.uji.kyoto.jp/soshiki/6/7039.html", national: false },
  "M-Adachi-cert": { url: "https://www.city.adachi.tokyo.jp/koseki/dennsisyoumekannkei20240206.html", national: false },
  "M-Shime": { url: "https://www.town.shime.lg.jp/soshiki/4/madogutikouteki01.html", national: false },
  "M-Biei": { url: "https://www.town.biei.hokkaido.jp/life/mynumber/koutekikojinninsyou.html", national: false },
  "M-Hakodate": { url: "https://www.city.hakodate.hokkaido.jp/docs/2015090100064/", national: false },
  "M-Ogawa": {
    url: "https://www.town.ogawa.saitama.jp/gyosei/kurashi_tetsuzuki/koseki_juminhyo_inkantoroku/2/3103.html",
    national: false
  },
  "M-Fukuchiyama": { url: "https://www.city.fukuchiyama.lg.jp/soshiki/22/1481.html", national: false },
  "M-Obihiro": { url: "https://www.city.obihiro.hokkaido.jp/kurashi/koseki/ninsho/1002465.html", national: false },
  "M-Kasai": { url: "https://www.city.kasai.hyogo.jp/soshiki/15/1039.html", national: false },
  "M-Aikawa": { url: "https://www.town.aikawa.kanagawa.jp/benri/guide/touroku_koseki/jpki/8155.html", national: false },
  "M-Minabe": { url: "https://www.town.minabe.lg.jp/kurashi/02/2021061000011.html", national: false },
  "M-Ebetsu": { url: "https://www.city.ebetsu.hokkaido.jp/soshiki/shimin/34588.html", national: false },
  "M-Sakuragawa": {
    url: "https://www.city.sakuragawa.lg.jp/kurashi/tetsuzuki/mynumbercard/page008851.html",
    national: false
  },
  "M-Yosano": { url: "https://www.town.yosano.lg.jp/life/mynumber/apply/entry_686/index.html", national: false },
  "M-Higashimatsuyama": { url: "https://www.city.higashimatsuyama.lg.jp/soshiki/28/2071.html", national: false },
  "M-Ozu": { url: "https://www.city.ozu.ehime.jp/soshiki/shimin/39429.html", national: false },
  "M-Ozu-pin": { url: "https://www.city.ozu.ehime.jp/soshiki/shimin/49334.html", national: false },
  "M-Akiruno": { url: "https://city.akiruno.tokyo.jp/0000006598.html", national: false },
  "M-Kawaguchi": { url: "https://www.city.kawaguchi.lg.jp/soshiki/01060/060/9/1/28481.html", national: false },
  "M-Saka": { url: "https://www.town.saka.lg.jp/2021/03/05/313/", national: false },
  "M-Sakado": { url: "https://www.city.sakado.lg.jp/soshiki/17/922.html", national: false },
  "M-Ageo": { url: "https://www.city.ageo.lg.jp/page/388530.html", national: false },
  "M-Karatsu": { url: "https://www.city.karatsu.lg.jp/page/30751.html", national: false },
  "M-Kikuchi": { url: "https://www.city.kikuchi.lg.jp/article/view/1029/6533.html", national: false },
  "M-Dazaifu": { url: "https://www.city.dazaifu.lg.jp/soshiki/7/1281.html", national: false },
  "M-Itoigawa": { url: "https://www.city.itoigawa.lg.jp/page/1154.html", national: false },
  "M-Kaminoyama": { url: "https://www.city.kaminoyama.yamagata.jp/soshiki/6/mnc-ri.html", national: false },
  "M-Iwakuni": { url: "https://www.city.iwakuni.lg.jp/soshiki/20/100149.html", national: false },
  "M-Nara": { url: "https://www.city.nara.lg.jp/site/mynamber/32476.html", national: false },
  "M-Iwaki": { url: "https://www.city.iwaki.lg.jp/www/contents/1734573194820/index.html", national: false },
  "M-Hagi": { url: "https://www.city.hagi.lg.jp/soshiki/31/h20051.html", national: false },
  "M-Gotsu": { url: "https://www.city.gotsu.lg.jp/soshiki/12/1940.html", national: false },
  "M-Soma": {
    url: "https://www.city.soma.fukushima.jp/shinososhiki/shiminka/koseki_jumin_inkantoroku/2/10282.html",
    national: false
  },
  "M-Awara": { url: "https://www.city.awara.lg.jp/mokuteki/life/life0101/p007295.html", national: false },
  "M-Kyoto": { url: "https://www.city.kyoto.lg.jp/bunshi/page/0000279797.html", national: false },
  "M-Owariasahi": { url: "https://www.city.owariasahi.lg.jp/kurasi/mynumber/honninkakunin.html", national: false },
  "M-Oyama": { url: "http://www.fuji-oyama.jp/kurashi_202210260954156_202304141332362.html", national: false },
  "M-Saiki": { url: "https://www.city.saiki.oita.jp/kiji0039104/index.html", national: false },
  "M-Yuzawa": { url: "https://www.city-yuzawa.jp/soshiki/18/5172.html", national: false },
  "M-Ikata": { url: "https://www.town.ikata.ehime.jp/soshiki/3/25974.html", national: false },
  "M-Koka": { url: "https://www.city.koka.lg.jp/item/42729.htm", national: false },
  "M-Shibushi": { url: "https://www.city.shibushi.lg.jp/soshiki/6/27346.html", national: false },
  "M-Fukuchi": { url: "http://www.town.fukuchi.lg.jp/soshiki/jyuumin/jyumin/mynamber/3815.html", national: false },
  "M-Akitakata-proxy": {
    url: "http://59.106.223.141/ja/shisei/section/sougoumadoguchi/r108/m166",
    national: false,
    title: "2025-09-19; same site layout as akitakata.jp"
  },
  "M-Setagaya": { url: "https://www.city.setagaya.lg.jp/01045/192.html", national: false },
  "M-Shinagawa": {
    url: "https://www.city.shinagawa.tokyo.jp/PC/kuseizyoho/kuseizyoho-mynumber/20210714201424.html",
    national: false
  },
  "M-Matsuura": {
    url: "https://www.city-matsuura.jp/top/kurashi_tetsuzuki/todokede_shomei/mynumberseido/6296.html",
    national: false
  },
  "M-Yokohama": { url: "http://www.city.yokohama.lg.jp/shimin/madoguchi/bango/nini.html", national: false },
  "M-Kakegawa": { url: "https://www.city.kakegawa.shizuoka.jp/gyosei/docs/425621.html", national: false },
  "M-Saza": { url: "https://www.sazacho-nagasaki.jp/kiji0034627/index.html", national: false },
  "M-Mimata": { url: "https://www.town.mimata.lg.jp/contents/1703.html", national: false },
  "M-Tokai": { url: "https://www.vill.tokai.ibaraki.jp/kurashi_tetsuzuki/mynumber/7597.html", national: false },
  "M-Koshigaya": {
    url: "https://www.city.koshigaya.saitama.jp/kurashi_shisei/kurashi/todokede/mynumbercard/mynumber-tetuduki.html",
    national: false
  },
  "M-Nichinan": { url: "https://www.city.nichinan.lg.jp/soshikikarasagasu/shiminka/1/1/1692.html", national: false },
  "M-Amagasaki": { url: "https://faq.city.amagasaki.hyogo.jp/faq/detail.aspx?id=2570", national: false },
  "M-Yonago-kokuho": { url: "https://www.city.yonago.lg.jp/1148.htm", national: false },
  "M-Kumamoto-kouiki": { url: "https://kumamoto-kouikirengo.jp/post-insurance-card.html", national: false },
  "M-Nagoya-apply": { url: "https://faq.city.nagoya.jp/faq/detail.aspx?id=3457", national: false },
  "M-Noshiro": { url: "https://www.city.noshiro.lg.jp/section/shimin-fukushi/hoken/madoguchi/10440", national: false },
  "M-Ome": { url: "https://www.city.ome.tokyo.jp/soshiki/13/67607.html", national: false },
  "M-Nagoya-lost": { url: "https://faq.city.nagoya.jp/faq/detail.aspx?id=2917", national: false },
  "M-Makinohara": { url: "https://www.city.makinohara.shizuoka.jp/soshiki/9/34621.html", national: false },
  "M-Tsunagi": { url: "https://www.town.tsunagi.lg.jp/page1703.html", national: false },
  "M-Tomiya": { url: "https://www.tomiya-city.miyagi.jp/kurashi/koseki/mynumber/mnc-lost.html", national: false },
  "M-Fujinomiya": { url: "https://www-city-fujinomiya-lg-jp.cache.yimg.jp/1023200000/p000272.html", national: false },
  "M-Chikuhoku": { url: "https://www.vill.chikuhoku.lg.jp/notification/14700", national: false },
  "M-Yatsushiro": { url: "https://www.city.yatsushiro.lg.jp/kiji00318941/index.html", national: false },
  "M-Kishiwada": { url: "https://www.city.kishiwada.osaka.jp/soshiki/21/mainanba-hunsitu.html", national: false },
  "M-Matsuyama-fee": {
    url: "https://www.city.matsuyama.ehime.jp/kurashi/tetsuzuki/mynumberseido/tesuryou.html",
    national: false
  },
  "M-Makubetsu": { url: "https://www.town.makubetsu.lg.jp/kurashi/kosekijumin/mynumber/558.html", national: false },
  "M-Mitake": { url: "https://town.mitake.lg.jp/portal/life-process/report/mynumber/post0087089", national: false },
  "M-Hitachinaka": {
    url: "https://www-source.city.hitachinaka.lg.jp/kurashi/mynumber/1003485/1003486.html",
    national: false
  },
  "M-Meiwa": {
    url: "https://www.town.meiwa.mie.jp/main/soshiki/fukusi/kosekik/koseki_maina/4008.html",
    national: false
  },
  "M-Kusu": { url: "https://www.town.kusu.oita.jp/kurashi_tetsuzuki/todokede_shomei/5667.html", national: false },
  "M-Tanabe": { url: "https://www.city.tanabe.lg.jp/shimin/k-c_tokkyu.html", national: false },
  "M-Towada": { url: "https://www.city.towada.lg.jp/kurashi/mynumber/tokkyuu.html", national: false },
  "M-Yaita": { url: "https://www.city.yaita.tochigi.jp/soshiki/simin/tokkyuuhakkou.html", national: false },
  "M-Asahikawa": { url: "https://www.city.asahikawa.hokkaido.jp/kurashi/101/110/d080751.html", national: false },
  "M-Ina": { url: "https://www.inacity.jp/kurashi/my_number/my_number_card/kaonashi_mynum.html", national: false },
  "M-Joso": {
    url: "https://www.city.joso.lg.jp/kurashi_gyousei/kurashi/todokede_shoumei/jukinet_mynumber/page003763.html",
    national: false
  },
  "M-Miyoshi-H": { url: "https://www.city.miyoshi.hiroshima.jp/soshiki/7/6784.html", national: false },
  "M-Tatebayashi": {
    url: "https://www.city.tatebayashi.gunma.jp/s023/kurashi/060/040/20200109194000.html",
    national: false
  },
  "M-Kuwana": { url: "http://www.city.kuwana.lg.jp/index.cfm/24,57026,225,353,html", national: false },
  "M-Tomakomai": { url: "https://www.city.tomakomai.hokkaido.jp/kurashi/mynumber/keizoku.html", national: false },
  "M-Minoh": { url: "https://www.city.minoh.lg.jp/koseki/mnc-keizoku.html", national: false },
  "M-Akitakata-change": {
    url: "http://newakitakata.top-page.jp/ja/shisei/section/sougoumadoguchi/r108/s149",
    national: false
  },
  "M-Fukuoka": {
    url: "https://www.city.fukuoka.lg.jp/shimin/kusei/life/mynumbercard_kokugaitensyutu.html",
    national: false
  },
  "M-Kasugai": { url: "https://www.city.kasugai.lg.jp/kurashi/todoke/1001910/1034610.html", national: false },
  "M-Ritto": {
    url: "https://www.city.ritto.lg.jp/soshiki/shimin/sogomadoguchi/gyoumu/mynumbercard/kokugaitennsyutusyayou/15469.html",
    national: false
  },
  "M-Nagayo": { url: "https://webtown.nagayo.jp/kiji0034941/index.html", national: false },
  "M-Fukaya": {
    url: "https://www.city.fukaya.saitama.jp/soshiki/shiminseikatsu/shimin/tanto/my_number/16507.html",
    national: false
  },
  "M-Awaji": { url: "https://www.city.awaji.lg.jp/soshiki/shimin/46500.html", national: false },
  "M-Inazawa": { url: "https://www.city.inazawa.aichi.jp/0000004012.html", national: false },
  "M-Uchiko": { url: "https://www.town.uchiko.ehime.jp/soshiki/4/140460.html", national: false },
  "M-Tsuchiura": {
    url: "https://www.city.tsuchiura.lg.jp/kurashi-tetsuzuki/kakushushomei/mynumber-juminkihon/shinsei-uketori/page020249.html",
    national: false
  },
  "M-Oguchi": { url: "https://www.town.oguchi.lg.jp/7742.htm", national: false },
  "M-Yokote": { url: "https://www.city.yokote.lg.jp/kurashi/1001137/1001208/1010394.html", national: false },
  "M-Miyake": { url: "https://www.town.miyake.lg.jp/soshiki/10/6404.html", national: false },
  "M-Ishinomaki": { url: "https://www.city.ishinomaki.lg.jp/cont/10304000/389/20250115163803.html", national: false },
  "M-Akitakata-foreign": {
    url: "https://www.akitakata.jp/ja/shisei/section/sougoumadoguchi/r108/r100/",
    national: false
  },
  "M-Kasai-foreign": { url: "https://www.city.kasai.hyogo.jp/soshiki/15/33109.html", national: false },
  "M-Hokudai": {
    url: "https://www.oia.hokudai.ac.jp/cier/residence/?wovn=en",
    national: false,
    title: "北大 留学生向け"
  },
  "M-Tamba": { url: "https://www.city.tamba.lg.jp/soshiki/shimin_anzen/koseki/my-nocard/1198.html", national: false },
  "M-Numazu": { url: "https://city.numazu.shizuoka.jp/kurashi/mynumber/kanrentetsuzuki.htm", national: false },
  "M-Gifu": { url: "https://www.city.gifu.lg.jp/30786.htm", national: false },
  "M-Nabari": { url: "https://www.city.nabari.lg.jp/s014/030/010/310/20151005194922.html", national: false },
  "M-Mitaka": { url: "https://www.city.mitaka.lg.jp/c_service/055/055945.html", national: false },
  "M-Nagoya-tsuchi": { url: "https://faq.city.nagoya.jp/faq/detail.aspx?id=2899", national: false }
} as const satisfies Record<string, Source>

/** @category models */
export type SourceCode = keyof typeof sources

/** The `basis` text of a rule: its source codes, national ones first. @category constructors */
export const basis = (...codes: ReadonlyArray<SourceCode>): string =>
  [...codes.filter((c) => sources[c].national), ...codes.filter((c) => !sources[c].national)].join(", ")

/** All codes, national first (for `GET /vocabulary`). @category constructors */
export const list = (): ReadonlyArray<{ readonly code: SourceCode } & Source> =>
  (Object.keys(sources) as Array<SourceCode>).map((code) => ({ code, ...sources[code] }))
