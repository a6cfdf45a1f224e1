"""Starting Know-your-rights pages in six languages, for editors to correct and extend in the admin.

General information, all marked needs_legal_review=True until a lawyer has read them. Language
versions of one page share a translation_key. The texts live here so the migration always seeds
the same thing; editors' later changes are never overwritten (update_or_create only on first run).
"""

import uuid

from django.db import migrations

PAGES = [
    {
        "slug": "trustworthy-legal-help",
        "key": uuid.UUID("0c6f3e52-1b7a-4f0e-9d3c-5a1e2b7c8d01"),
        "order": 20,
        "versions": {
            "en": (
                "Finding legal help you can trust",
                "Who may give immigration legal advice, and how to avoid notario fraud.",
                "Only two kinds of people may give you legal advice about immigration: a licensed attorney, or an accredited representative working at an organization recognized by the U.S. Department of Justice. Ask to see their license or accreditation.\n\nA \"notario\", notary public, travel agent or immigration consultant may not give legal advice in the United States, even if they say they can. Many people have lost money and their chance to stay because of notario fraud.\n\nNever sign a form you do not understand or that has false information. Keep a copy of everything you file and every receipt. Free or low-cost help exists: look for organizations marked \"legal help\" in Puente's help directory.",
            ),
            "es": (
                "Cómo encontrar ayuda legal confiable",
                "Quién puede darle asesoría legal de inmigración y cómo evitar el fraude de notarios.",
                "Solo dos tipos de personas pueden darle asesoría legal sobre inmigración: un abogado con licencia, o un representante acreditado que trabaje en una organización reconocida por el Departamento de Justicia de los Estados Unidos. Pida ver su licencia o su acreditación.\n\nUn \"notario\", notario público, agente de viajes o consultor de inmigración no puede dar asesoría legal en los Estados Unidos, aunque diga que sí. Muchas personas han perdido dinero y su oportunidad de quedarse por el fraude de notarios.\n\nNunca firme un formulario que no entienda o que tenga información falsa. Guarde una copia de todo lo que presente y de cada recibo. Existe ayuda gratuita o de bajo costo: busque las organizaciones marcadas como \"ayuda legal\" en el directorio de Puente.",
            ),
            "hi": (
                "भरोसेमंद कानूनी मदद कैसे खोजें",
                "इमिग्रेशन पर कानूनी सलाह कौन दे सकता है, और नोटारियो धोखाधड़ी से कैसे बचें।",
                "इमिग्रेशन के बारे में कानूनी सलाह केवल दो तरह के लोग दे सकते हैं: लाइसेंस वाला वकील, या अमेरिकी न्याय विभाग द्वारा मान्यता प्राप्त संगठन में काम करने वाला मान्यता प्राप्त प्रतिनिधि। उनका लाइसेंस या मान्यता दिखाने के लिए कहें।\n\n\"नोटारियो\", नोटरी पब्लिक, ट्रैवल एजेंट या इमिग्रेशन सलाहकार अमेरिका में कानूनी सलाह नहीं दे सकते, भले ही वे कहें कि वे दे सकते हैं। नोटारियो धोखाधड़ी के कारण बहुत से लोगों ने पैसा और यहाँ रहने का मौका खो दिया है।\n\nऐसा कोई फ़ॉर्म कभी न भरें जिसे आप नहीं समझते या जिसमें झूठी जानकारी हो। जो कुछ भी जमा करें उसकी और हर रसीद की एक प्रति रखें। मुफ़्त या कम खर्च वाली मदद मौजूद है: Puente की सहायता निर्देशिका में \"कानूनी मदद\" वाले संगठन देखें।",
            ),
            "zh-hans": (
                "如何找到可信赖的法律帮助",
                "谁可以提供移民法律建议，以及如何避免“公证人”诈骗。",
                "只有两种人可以为您提供移民法律建议：持有执照的律师，或在美国司法部认可的机构工作的认证代表。请要求查看他们的执照或认证。\n\n在美国，“公证人”（notario）、公证员、旅行社或移民顾问都不能提供法律建议，即使他们声称可以。很多人因为“公证人”诈骗而损失了钱财，也失去了留下来的机会。\n\n不要签署您不理解或含有虚假信息的表格。保留您提交的每份文件和每张收据的副本。免费或低收费的帮助是存在的：请在 Puente 的帮助目录中查找标有“法律帮助”的机构。",
            ),
            "ar": (
                "كيف تجد مساعدة قانونية موثوقة",
                "من يحق له تقديم المشورة القانونية في الهجرة، وكيف تتجنب احتيال \"النوتاريو\".",
                "يحق لنوعين فقط من الأشخاص تقديم المشورة القانونية بشأن الهجرة: محامٍ مرخّص، أو ممثل معتمد يعمل في منظمة تعترف بها وزارة العدل الأمريكية. اطلب رؤية الترخيص أو الاعتماد.\n\nلا يحق لـ\"النوتاريو\" أو كاتب العدل أو وكيل السفر أو مستشار الهجرة تقديم مشورة قانونية في الولايات المتحدة، حتى لو قالوا إنهم يستطيعون. خسر كثيرون أموالهم وفرصتهم في البقاء بسبب احتيال \"النوتاريو\".\n\nلا توقّع أبدًا على نموذج لا تفهمه أو يحتوي على معلومات غير صحيحة. احتفظ بنسخة من كل ما تقدّمه ومن كل إيصال. توجد مساعدة مجانية أو منخفضة التكلفة: ابحث عن المنظمات المميزة بـ\"مساعدة قانونية\" في دليل المساعدة في Puente.",
            ),
            "pl": (
                "Jak znaleźć pomoc prawną, której można ufać",
                "Kto może udzielać porad prawnych w sprawach imigracyjnych i jak uniknąć oszustw „notariuszy”.",
                "Porad prawnych w sprawach imigracyjnych mogą udzielać tylko dwie grupy osób: adwokat z licencją albo akredytowany przedstawiciel pracujący w organizacji uznanej przez Departament Sprawiedliwości USA. Poproś o pokazanie licencji lub akredytacji.\n\n„Notariusz” (notario), notary public, agent podróży ani konsultant imigracyjny nie mogą w Stanach Zjednoczonych udzielać porad prawnych, nawet jeśli twierdzą inaczej. Wiele osób straciło pieniądze i szansę na pozostanie przez takie oszustwa.\n\nNigdy nie podpisuj formularza, którego nie rozumiesz albo który zawiera nieprawdziwe informacje. Zachowaj kopię wszystkiego, co składasz, i każde potwierdzenie. Istnieje bezpłatna lub tania pomoc: szukaj organizacji oznaczonych jako „pomoc prawna” w katalogu pomocy Puente.",
            ),
        },
    },
    {
        "slug": "rights-at-work",
        "key": uuid.UUID("0c6f3e52-1b7a-4f0e-9d3c-5a1e2b7c8d02"),
        "order": 30,
        "versions": {
            "en": (
                "Your rights at work, whatever your status",
                "Pay, safety and fair treatment are rights for every worker.",
                "Most workers in the United States have the right to be paid at least the minimum wage and to be paid for overtime, whatever their immigration status.\n\nYou have the right to a safe workplace and to speak up about unsafe conditions. It is against the law for an employer to threaten to call immigration because you complained about pay or safety.\n\nWrite down the days and hours you work and keep your pay stubs. If you are not paid what you are owed, a workers' center or legal aid organization can help you for free.",
            ),
            "es": (
                "Sus derechos en el trabajo, sin importar su estatus",
                "El pago, la seguridad y el trato justo son derechos de todo trabajador.",
                "La mayoría de los trabajadores en los Estados Unidos tienen derecho a recibir al menos el salario mínimo y a que les paguen las horas extra, sin importar su estatus migratorio.\n\nUsted tiene derecho a un lugar de trabajo seguro y a denunciar condiciones peligrosas. Es ilegal que un empleador lo amenace con llamar a inmigración porque usted se quejó del pago o de la seguridad.\n\nAnote los días y las horas que trabaja y guarde sus talones de pago. Si no le pagan lo que le deben, un centro de trabajadores o una organización de ayuda legal puede ayudarle gratis.",
            ),
            "hi": (
                "काम पर आपके अधिकार, आपकी स्थिति चाहे जो हो",
                "वेतन, सुरक्षा और उचित व्यवहार हर कर्मचारी के अधिकार हैं।",
                "अमेरिका में ज़्यादातर कर्मचारियों को कम से कम न्यूनतम वेतन और ओवरटाइम का भुगतान पाने का अधिकार है, उनकी इमिग्रेशन स्थिति चाहे जो हो।\n\nआपको सुरक्षित कार्यस्थल का और असुरक्षित हालात के बारे में आवाज़ उठाने का अधिकार है। वेतन या सुरक्षा की शिकायत करने पर नियोक्ता का आपको इमिग्रेशन बुलाने की धमकी देना गैरकानूनी है।\n\nजिन दिनों और घंटों में आप काम करते हैं उन्हें लिखें और अपनी वेतन पर्चियाँ संभाल कर रखें। अगर आपको आपका बकाया नहीं मिलता, तो कोई वर्कर्स सेंटर या कानूनी सहायता संगठन मुफ़्त में आपकी मदद कर सकता है।",
            ),
            "zh-hans": (
                "无论身份如何，您在工作中的权利",
                "工资、安全和公平对待是每位劳动者的权利。",
                "在美国，大多数劳动者无论移民身份如何，都有权至少获得最低工资，并获得加班费。\n\n您有权拥有安全的工作场所，并有权对不安全的条件提出意见。雇主因为您投诉工资或安全问题而威胁要通知移民局，是违法的。\n\n请记下您工作的日期和小时数，并保留工资单。如果您没有拿到应得的工资，工人中心或法律援助机构可以免费帮助您。",
            ),
            "ar": (
                "حقوقك في العمل مهما كان وضعك",
                "الأجر والسلامة والمعاملة العادلة حقوق لكل عامل.",
                "لمعظم العمال في الولايات المتحدة الحق في الحصول على الحد الأدنى للأجور على الأقل وفي أجر الساعات الإضافية، مهما كان وضعهم من ناحية الهجرة.\n\nلك الحق في مكان عمل آمن وفي الإبلاغ عن الظروف غير الآمنة. من المخالف للقانون أن يهددك صاحب العمل بإبلاغ سلطات الهجرة لأنك اشتكيت من الأجر أو السلامة.\n\nاكتب الأيام والساعات التي تعملها واحتفظ بقسائم راتبك. إذا لم تحصل على ما تستحقه، يمكن لمركز عمال أو منظمة مساعدة قانونية أن تساعدك مجانًا.",
            ),
            "pl": (
                "Twoje prawa w pracy, niezależnie od statusu",
                "Wynagrodzenie, bezpieczeństwo i uczciwe traktowanie to prawa każdego pracownika.",
                "Większość pracowników w Stanach Zjednoczonych ma prawo do co najmniej płacy minimalnej i do zapłaty za nadgodziny, niezależnie od statusu imigracyjnego.\n\nMasz prawo do bezpiecznego miejsca pracy i do zgłaszania niebezpiecznych warunków. Pracodawca nie może zgodnie z prawem grozić wezwaniem służb imigracyjnych dlatego, że skarżysz się na wynagrodzenie lub bezpieczeństwo.\n\nZapisuj dni i godziny pracy i zachowuj odcinki wypłat. Jeśli nie dostajesz należnych pieniędzy, centrum pracownicze lub organizacja pomocy prawnej może pomóc ci bezpłatnie.",
            ),
        },
    },
    {
        "slug": "school-for-every-child",
        "key": uuid.UUID("0c6f3e52-1b7a-4f0e-9d3c-5a1e2b7c8d03"),
        "order": 40,
        "versions": {
            "en": (
                "Public school is for every child",
                "Children may enroll in public school whatever their or their parents' status.",
                "Every child living in the United States has the right to a free public education from kindergarten through high school, whatever the child's or the parents' immigration status.\n\nA school may ask for proof of age and proof that you live in the district, but it may not ask about immigration status or require a Social Security number to enroll a child.\n\nIf a school turns your child away, ask for the decision in writing and contact a legal aid organization or the school district's family office.",
            ),
            "es": (
                "La escuela pública es para todos los niños",
                "Los niños pueden inscribirse en la escuela pública sin importar su estatus ni el de sus padres.",
                "Todo niño que vive en los Estados Unidos tiene derecho a una educación pública gratuita desde el kínder hasta la preparatoria, sin importar su estatus migratorio ni el de sus padres.\n\nLa escuela puede pedir prueba de edad y prueba de que usted vive en el distrito, pero no puede preguntar por el estatus migratorio ni exigir un número de Seguro Social para inscribir a un niño.\n\nSi una escuela rechaza a su hijo, pida la decisión por escrito y comuníquese con una organización de ayuda legal o con la oficina de familias del distrito escolar.",
            ),
            "hi": (
                "सरकारी स्कूल हर बच्चे के लिए है",
                "बच्चे सरकारी स्कूल में दाख़िला ले सकते हैं, उनकी या उनके माता-पिता की स्थिति चाहे जो हो।",
                "अमेरिका में रहने वाले हर बच्चे को किंडरगार्टन से हाई स्कूल तक मुफ़्त सरकारी शिक्षा का अधिकार है, बच्चे की या माता-पिता की इमिग्रेशन स्थिति चाहे जो हो।\n\nस्कूल उम्र का प्रमाण और यह प्रमाण माँग सकता है कि आप उस डिस्ट्रिक्ट में रहते हैं, लेकिन बच्चे का दाख़िला करने के लिए इमिग्रेशन स्थिति के बारे में नहीं पूछ सकता और सोशल सिक्योरिटी नंबर ज़रूरी नहीं कर सकता।\n\nअगर कोई स्कूल आपके बच्चे को मना करता है, तो फ़ैसला लिखित में माँगें और किसी कानूनी सहायता संगठन या स्कूल डिस्ट्रिक्ट के परिवार कार्यालय से संपर्क करें।",
            ),
            "zh-hans": (
                "公立学校向每个孩子开放",
                "无论孩子或其父母的身份如何，孩子都可以在公立学校入学。",
                "每个住在美国的孩子，无论孩子或父母的移民身份如何，都有权接受从幼儿园到高中的免费公立教育。\n\n学校可以要求提供年龄证明和您住在该学区的证明，但不能询问移民身份，也不能要求提供社会安全号码才让孩子入学。\n\n如果学校拒绝您的孩子入学，请要求学校给出书面决定，并联系法律援助机构或学区的家庭办公室。",
            ),
            "ar": (
                "المدرسة العامة لكل طفل",
                "يمكن للأطفال التسجيل في المدرسة العامة مهما كان وضعهم أو وضع والديهم.",
                "لكل طفل يعيش في الولايات المتحدة الحق في تعليم عام مجاني من الروضة حتى نهاية المرحلة الثانوية، مهما كان وضع الطفل أو والديه من ناحية الهجرة.\n\nيجوز للمدرسة أن تطلب إثباتًا للعمر وإثباتًا لسكنك في المنطقة التعليمية، لكن لا يجوز لها أن تسأل عن وضع الهجرة أو أن تشترط رقم الضمان الاجتماعي لتسجيل الطفل.\n\nإذا رفضت مدرسة تسجيل طفلك، فاطلب القرار مكتوبًا وتواصل مع منظمة مساعدة قانونية أو مع مكتب شؤون العائلات في المنطقة التعليمية.",
            ),
            "pl": (
                "Szkoła publiczna jest dla każdego dziecka",
                "Dzieci mogą zapisać się do szkoły publicznej niezależnie od swojego statusu i statusu rodziców.",
                "Każde dziecko mieszkające w Stanach Zjednoczonych ma prawo do bezpłatnej nauki w szkole publicznej od przedszkola (kindergarten) do końca szkoły średniej, niezależnie od statusu imigracyjnego dziecka i rodziców.\n\nSzkoła może poprosić o dowód wieku i dowód zamieszkania w danym okręgu, ale nie może pytać o status imigracyjny ani wymagać numeru Social Security, aby zapisać dziecko.\n\nJeśli szkoła odmówi przyjęcia dziecka, poproś o decyzję na piśmie i skontaktuj się z organizacją pomocy prawnej lub z biurem ds. rodzin w okręgu szkolnym.",
            ),
        },
    },
]


def seed(apps, schema_editor):
    Page = apps.get_model("catalog", "Page")
    for page in PAGES:
        for language, (title, summary, body) in page["versions"].items():
            Page.objects.get_or_create(
                slug=page["slug"],
                language=language,
                defaults={
                    "translation_key": page["key"],
                    "title": title,
                    "summary": summary,
                    "body": body,
                    "needs_legal_review": True,
                    "published": True,
                    "order": page["order"],
                },
            )


def unseed(apps, schema_editor):
    Page = apps.get_model("catalog", "Page")
    Page.objects.filter(translation_key__in=[p["key"] for p in PAGES]).delete()


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
