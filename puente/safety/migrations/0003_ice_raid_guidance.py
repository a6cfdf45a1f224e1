"""The know-your-rights page "if immigration agents come", as catalog Pages in six languages.

General information awaiting a lawyer's review (needs_legal_review=True); one translation_key joins the
language versions. Texts live here so the migration always seeds what it seeded first.
"""

import uuid

from django.db import migrations

SLUG = "ice-raid-guidance"
KEY = uuid.UUID("5b1f6c0e-7d3a-4c55-9a54-2f1d3c8e9a01")

PAGES = {
    "en": (
        "If immigration agents (ICE) come: what to do",
        "What to do if ICE comes to your door, to your work or stops you in the street, and how to make a plan.",
        """This is general information, not legal advice, and it is waiting for review by a lawyer. If you or someone in your family is detained, call an immigration lawyer or a legal-aid organization right away.

At your door. Do not open the door: talking through the closed door is safer. Ask who they are and why they are there. Ask them to show a warrant by sliding it under the door or holding it up to a window. Agents may enter your home without your permission only with a warrant signed by a judge that has your correct name and address. An ICE form (I-200 or I-205) signed by an immigration officer is not a judge's warrant and does not let them come in. If they come in anyway, do not resist. Say: "I do not consent to your entry or to a search." Stay calm, stay silent and do not lie.

At work. You have the right to remain silent. Do not run. If agents ask where you are from, you can say: "I want to remain silent" and "I want to speak to a lawyer." Do not show false documents and do not sign anything. Agents need a judge's warrant or the employer's permission to enter the parts of a workplace that are not open to the public.

In the street or in a car. Stay calm and keep your hands where the agent can see them. You can ask: "Am I free to go?" If the answer is yes, walk away calmly. If you are driving, the driver must show a driver's license, registration and proof of insurance when asked. You do not have to answer questions about where you were born or about your immigration status. You do not have to agree to a search of yourself or your car.

If you are detained. Say that you want to remain silent and that you want to speak to a lawyer. Do not sign anything, above all no paper that gives up your right to see a judge, before you talk to a lawyer. Learn by heart the phone numbers of a family member and of your lawyer. You may ask to contact your country's consulate.

Make a plan now. Decide who will pick up your children and who may make decisions for them. Keep important documents (passports, birth certificates, immigration papers) together in a safe place that a trusted person knows. Write down your A-number if you have one. Carry the phone number of a lawyer or a legal-aid organization. Puente's safety plan helps you write all this down, and it keeps nothing you type.

Know your rights. Everyone in the United States, with or without papers, has rights under the Constitution: the right to remain silent, the right to refuse a search without a warrant, and the right to speak to a lawyer. Carry a know-your-rights card and show it if you are stopped.""",
    ),
    "es": (
        "Si llegan agentes de inmigración (ICE): qué hacer",
        "Qué hacer si ICE llega a su puerta o a su trabajo o lo detiene en la calle, y cómo hacer un plan.",
        """Esta es información general, no asesoría legal, y está pendiente de revisión por un abogado. Si usted o alguien de su familia es detenido, llame de inmediato a un abogado de inmigración o a una organización de ayuda legal.

En su puerta. No abra la puerta: es más seguro hablar con la puerta cerrada. Pregunte quiénes son y por qué están ahí. Pida que le muestren una orden pasándola por debajo de la puerta o mostrándola por una ventana. Los agentes solo pueden entrar a su casa sin su permiso con una orden firmada por un juez que tenga su nombre y dirección correctos. Un formulario de ICE (I-200 o I-205) firmado por un oficial de inmigración no es una orden de un juez y no les permite entrar. Si entran de todas formas, no se resista. Diga: "No doy mi consentimiento para que entren ni para un registro." Mantenga la calma, guarde silencio y no mienta.

En el trabajo. Usted tiene derecho a guardar silencio. No corra. Si los agentes le preguntan de dónde es, puede decir: "Quiero guardar silencio" y "Quiero hablar con un abogado." No muestre documentos falsos y no firme nada. Los agentes necesitan una orden de un juez o el permiso del empleador para entrar a las partes del lugar de trabajo que no están abiertas al público.

En la calle o en un auto. Mantenga la calma y las manos donde el agente pueda verlas. Puede preguntar: "¿Me puedo ir?" Si la respuesta es sí, aléjese con calma. Si usted maneja, el conductor debe mostrar su licencia de manejo, el registro del vehículo y el comprobante de seguro cuando se lo pidan. No tiene que contestar preguntas sobre dónde nació ni sobre su estatus migratorio. No tiene que aceptar que lo registren a usted ni a su auto.

Si lo detienen. Diga que quiere guardar silencio y que quiere hablar con un abogado. No firme nada, sobre todo ningún papel en el que renuncie a su derecho a ver a un juez, antes de hablar con un abogado. Apréndase de memoria el teléfono de un familiar y el de su abogado. Puede pedir comunicarse con el consulado de su país.

Haga un plan ahora. Decida quién recogerá a sus hijos y quién podrá tomar decisiones por ellos. Guarde juntos los documentos importantes (pasaportes, actas de nacimiento, papeles de inmigración) en un lugar seguro que conozca una persona de confianza. Anote su número A si lo tiene. Lleve consigo el teléfono de un abogado o de una organización de ayuda legal. El plan de seguridad de Puente le ayuda a anotar todo esto y no guarda nada de lo que escribe.

Conozca sus derechos. Todas las personas en los Estados Unidos, con o sin papeles, tienen derechos según la Constitución: el derecho a guardar silencio, el derecho a negarse a un registro sin orden judicial y el derecho a hablar con un abogado. Lleve una tarjeta de derechos y muéstrela si lo detienen.""",
    ),
    "hi": (
        "अगर इमिग्रेशन एजेंट (ICE) आएँ: क्या करें",
        "अगर ICE आपके दरवाज़े पर या आपके काम पर आए या आपको सड़क पर रोके तो क्या करें, और योजना कैसे बनाएँ।",
        """यह सामान्य जानकारी है, कानूनी सलाह नहीं, और इसकी किसी वकील द्वारा समीक्षा अभी बाकी है। अगर आपको या आपके परिवार के किसी सदस्य को हिरासत में लिया जाए, तो तुरंत किसी इमिग्रेशन वकील या कानूनी सहायता संगठन को फ़ोन करें।

आपके दरवाज़े पर। दरवाज़ा न खोलें: बंद दरवाज़े से बात करना ज़्यादा सुरक्षित है। पूछें कि वे कौन हैं और क्यों आए हैं। उनसे कहें कि वारंट दरवाज़े के नीचे से सरकाएँ या खिड़की पर दिखाएँ। एजेंट आपकी अनुमति के बिना आपके घर में केवल तभी आ सकते हैं जब उनके पास किसी जज के हस्ताक्षर वाला वारंट हो जिसमें आपका सही नाम और पता लिखा हो। किसी इमिग्रेशन अधिकारी के हस्ताक्षर वाला ICE फ़ॉर्म (I-200 या I-205) जज का वारंट नहीं है और उससे उन्हें अंदर आने की अनुमति नहीं मिलती। अगर वे फिर भी अंदर आ जाएँ, तो विरोध न करें। कहें: "मैं आपके अंदर आने या तलाशी के लिए सहमति नहीं देता/देती।" शांत रहें, चुप रहें और झूठ न बोलें।

काम पर। आपको चुप रहने का अधिकार है। भागें नहीं। अगर एजेंट पूछें कि आप कहाँ से हैं, तो आप कह सकते हैं: "मैं चुप रहना चाहता/चाहती हूँ" और "मैं वकील से बात करना चाहता/चाहती हूँ।" नकली दस्तावेज़ न दिखाएँ और किसी चीज़ पर हस्ताक्षर न करें। कार्यस्थल के उन हिस्सों में जाने के लिए, जो जनता के लिए खुले नहीं हैं, एजेंटों को जज के वारंट या मालिक की अनुमति की ज़रूरत होती है।

सड़क पर या कार में। शांत रहें और अपने हाथ वहाँ रखें जहाँ एजेंट उन्हें देख सके। आप पूछ सकते हैं: "क्या मैं जा सकता/सकती हूँ?" अगर जवाब हाँ है, तो शांति से चले जाएँ। अगर आप गाड़ी चला रहे हैं, तो माँगे जाने पर ड्राइवर को ड्राइविंग लाइसेंस, गाड़ी का रजिस्ट्रेशन और बीमे का सबूत दिखाना होगा। आपको यह बताने की ज़रूरत नहीं कि आप कहाँ पैदा हुए या आपकी इमिग्रेशन स्थिति क्या है। आपको अपनी या अपनी कार की तलाशी के लिए सहमति देने की ज़रूरत नहीं है।

अगर आपको हिरासत में लिया जाए। कहें कि आप चुप रहना चाहते हैं और वकील से बात करना चाहते हैं। वकील से बात किए बिना किसी चीज़ पर हस्ताक्षर न करें, ख़ासकर ऐसे किसी काग़ज़ पर नहीं जिससे आप जज से मिलने का अपना अधिकार छोड़ दें। परिवार के किसी सदस्य और अपने वकील का फ़ोन नंबर याद कर लें। आप अपने देश के वाणिज्य दूतावास से संपर्क करने के लिए कह सकते हैं।

अभी योजना बनाएँ। तय करें कि आपके बच्चों को कौन लेने जाएगा और उनके लिए फ़ैसले कौन ले सकता है। ज़रूरी दस्तावेज़ (पासपोर्ट, जन्म प्रमाणपत्र, इमिग्रेशन के काग़ज़) एक सुरक्षित जगह पर साथ रखें जिसके बारे में किसी भरोसेमंद व्यक्ति को पता हो। अगर आपके पास A-नंबर है तो उसे लिख लें। किसी वकील या कानूनी सहायता संगठन का फ़ोन नंबर अपने पास रखें। Puente की सुरक्षा योजना यह सब लिखने में आपकी मदद करती है, और आप जो भी लिखते हैं उसमें से कुछ भी सहेजकर नहीं रखती।

अपने अधिकार जानिए। अमेरिका में हर व्यक्ति के, काग़ज़ात हों या न हों, संविधान के तहत अधिकार हैं: चुप रहने का अधिकार, बिना वारंट के तलाशी से इनकार करने का अधिकार, और वकील से बात करने का अधिकार। अपने अधिकारों वाला कार्ड साथ रखें और रोके जाने पर उसे दिखाएँ।""",
    ),
    "zh-hans": (
        "如果移民执法人员（ICE）来了：该怎么做",
        "如果ICE来到您家门口、您的工作场所，或在街上拦下您，该怎么做，以及如何制定计划。",
        """这是一般性信息，不是法律建议，并且仍在等待律师审核。如果您或您的家人被拘留，请立即联系移民律师或法律援助机构。

在您家门口。不要开门：隔着关着的门说话更安全。问他们是谁、为什么来。请他们把令状从门缝下面递进来，或贴在窗户上给您看。只有持有法官签署、写有您正确姓名和地址的令状，执法人员才能在未经您同意的情况下进入您家。由移民官员签署的ICE表格（I-200或I-205）不是法官令状，不允许他们进入。如果他们仍然进来，不要反抗。请说："我不同意你们进入，也不同意搜查。"保持冷静，保持沉默，不要说谎。

在工作场所。您有权保持沉默。不要逃跑。如果执法人员问您来自哪里，您可以说："我要保持沉默"和"我要和律师谈话"。不要出示虚假证件，也不要签署任何文件。执法人员需要法官令状或雇主的许可，才能进入工作场所中不对公众开放的区域。

在街上或车里。保持冷静，把手放在执法人员能看到的地方。您可以问："我可以走了吗？"如果回答是可以，就冷静地离开。如果您在开车，被要求时司机必须出示驾照、车辆登记和保险证明。您不必回答关于您出生地或移民身份的问题。您不必同意对您本人或您的车进行搜查。

如果您被拘留。说明您要保持沉默，并且要和律师谈话。在与律师交谈之前不要签署任何文件，尤其是放弃您见法官权利的文件。记住一位家人和您的律师的电话号码。您可以要求联系您本国的领事馆。

现在就制定计划。决定由谁去接您的孩子，以及谁可以为他们做决定。把重要文件（护照、出生证明、移民文件）放在一个安全的地方，并让一位信任的人知道在哪里。如果您有A号码，请把它记下来。随身带着律师或法律援助机构的电话号码。Puente的安全计划可以帮助您把这些都写下来，而且不会保存您输入的任何内容。

了解您的权利。在美国的每一个人，无论有没有身份，都享有宪法规定的权利：保持沉默的权利、拒绝无令状搜查的权利，以及与律师交谈的权利。随身携带权利卡，被拦下时出示它。""",
    ),
    "ar": (
        "إذا جاء عملاء الهجرة (ICE): ماذا تفعل",
        "ماذا تفعل إذا جاءت ICE إلى بابك أو إلى عملك أو أوقفتك في الشارع، وكيف تضع خطة.",
        """هذه معلومات عامة وليست استشارة قانونية، وهي بانتظار مراجعة محامٍ. إذا احتُجزت أنت أو أحد أفراد عائلتك، فاتصل فورًا بمحامي هجرة أو بمنظمة للمساعدة القانونية.

عند بابك. لا تفتح الباب: التحدث من خلف الباب المغلق أكثر أمانًا. اسألهم من هم ولماذا جاؤوا. اطلب منهم أن يُظهروا المذكرة بتمريرها من تحت الباب أو برفعها أمام النافذة. لا يجوز للعملاء دخول بيتك دون إذنك إلا بمذكرة موقّعة من قاضٍ تحمل اسمك وعنوانك الصحيحين. استمارة ICE (I-200 أو I-205) الموقّعة من موظف هجرة ليست مذكرة من قاضٍ ولا تسمح لهم بالدخول. إذا دخلوا رغم ذلك فلا تقاوم. قل: "أنا لا أوافق على دخولكم ولا على التفتيش." حافظ على هدوئك والتزم الصمت ولا تكذب.

في العمل. لك الحق في التزام الصمت. لا تهرب. إذا سألك العملاء من أين أنت، يمكنك أن تقول: "أريد أن ألتزم الصمت" و"أريد التحدث إلى محامٍ." لا تُظهر وثائق مزوّرة ولا توقّع على أي شيء. يحتاج العملاء إلى مذكرة من قاضٍ أو إلى إذن صاحب العمل لدخول أجزاء مكان العمل غير المفتوحة للجمهور.

في الشارع أو في السيارة. حافظ على هدوئك وأبقِ يديك حيث يستطيع العميل أن يراهما. يمكنك أن تسأل: "هل يمكنني الذهاب؟" إذا كان الجواب نعم، فابتعد بهدوء. إذا كنت تقود السيارة، فعلى السائق أن يُظهر رخصة القيادة وتسجيل السيارة وإثبات التأمين عند الطلب. لست مضطرًا إلى الإجابة عن أسئلة حول مكان ولادتك أو وضعك كمهاجر. لست مضطرًا إلى الموافقة على تفتيشك أو تفتيش سيارتك.

إذا احتُجزت. قل إنك تريد التزام الصمت وتريد التحدث إلى محامٍ. لا توقّع على أي شيء قبل أن تتحدث إلى محامٍ، وبخاصة أي ورقة تتنازل فيها عن حقك في المثول أمام قاضٍ. احفظ عن ظهر قلب رقم هاتف أحد أفراد عائلتك ورقم محاميك. يمكنك أن تطلب التواصل مع قنصلية بلدك.

ضع خطة الآن. قرّر من سيأخذ أطفالك ومن يحق له اتخاذ القرارات نيابة عنهم. احفظ الوثائق المهمة (جوازات السفر وشهادات الميلاد وأوراق الهجرة) معًا في مكان آمن يعرفه شخص تثق به. اكتب رقمك A إن كان لديك واحد. احمل معك رقم هاتف محامٍ أو منظمة للمساعدة القانونية. تساعدك خطة السلامة في Puente على تدوين كل ذلك، ولا تحفظ شيئًا مما تكتبه.

اعرف حقوقك. لكل شخص في الولايات المتحدة، سواء كانت لديه أوراق أم لا، حقوق يكفلها الدستور: الحق في التزام الصمت، والحق في رفض التفتيش دون مذكرة، والحق في التحدث إلى محامٍ. احمل بطاقة حقوقك وأظهرها إذا أُوقفت.""",
    ),
    "pl": (
        "Jeśli przyjdą agenci imigracyjni (ICE): co robić",
        "Co robić, jeśli ICE przyjdzie pod Twoje drzwi, do Twojej pracy albo zatrzyma Cię na ulicy, i jak przygotować plan.",
        """To są ogólne informacje, a nie porada prawna; czekają na sprawdzenie przez prawnika. Jeśli Ty lub ktoś z Twojej rodziny zostanie zatrzymany, od razu zadzwoń do prawnika imigracyjnego lub do organizacji udzielającej pomocy prawnej.

Pod Twoimi drzwiami. Nie otwieraj drzwi: bezpieczniej jest rozmawiać przez zamknięte drzwi. Zapytaj, kim są i po co przyszli. Poproś, aby pokazali nakaz, wsuwając go pod drzwi albo przykładając do okna. Agenci mogą wejść do Twojego domu bez Twojej zgody tylko z nakazem podpisanym przez sędziego, na którym są Twoje prawidłowe imię, nazwisko i adres. Formularz ICE (I-200 lub I-205) podpisany przez urzędnika imigracyjnego nie jest nakazem sędziego i nie pozwala im wejść. Jeśli mimo to wejdą, nie stawiaj oporu. Powiedz: „Nie zgadzam się na wejście ani na przeszukanie.” Zachowaj spokój, milcz i nie kłam.

W pracy. Masz prawo zachować milczenie. Nie uciekaj. Jeśli agenci zapytają, skąd jesteś, możesz powiedzieć: „Chcę zachować milczenie” i „Chcę porozmawiać z prawnikiem.” Nie pokazuj fałszywych dokumentów i niczego nie podpisuj. Agenci potrzebują nakazu sędziego albo zgody pracodawcy, aby wejść do tych części miejsca pracy, które nie są otwarte dla publiczności.

Na ulicy lub w samochodzie. Zachowaj spokój i trzymaj ręce tak, aby agent je widział. Możesz zapytać: „Czy mogę odejść?” Jeśli odpowiedź brzmi tak, spokojnie odejdź. Jeśli prowadzisz samochód, kierowca musi na żądanie pokazać prawo jazdy, dowód rejestracyjny i dowód ubezpieczenia. Nie musisz odpowiadać na pytania o to, gdzie się urodziłeś, ani o swój status imigracyjny. Nie musisz zgadzać się na przeszukanie siebie ani swojego samochodu.

Jeśli zostaniesz zatrzymany. Powiedz, że chcesz zachować milczenie i chcesz porozmawiać z prawnikiem. Nie podpisuj niczego, zanim nie porozmawiasz z prawnikiem, a zwłaszcza żadnego dokumentu, w którym rezygnujesz z prawa do stawienia się przed sędzią. Naucz się na pamięć numeru telefonu kogoś z rodziny i swojego prawnika. Możesz poprosić o kontakt z konsulatem swojego kraju.

Przygotuj plan już teraz. Zdecyduj, kto odbierze Twoje dzieci i kto może podejmować za nie decyzje. Trzymaj ważne dokumenty (paszporty, akty urodzenia, dokumenty imigracyjne) razem w bezpiecznym miejscu, które zna zaufana osoba. Zapisz swój numer A, jeśli go masz. Noś przy sobie numer telefonu prawnika lub organizacji pomocy prawnej. Plan bezpieczeństwa Puente pomaga to wszystko zapisać i nie przechowuje niczego, co wpiszesz.

Poznaj swoje prawa. Każda osoba w Stanach Zjednoczonych, z dokumentami czy bez, ma prawa zagwarantowane w Konstytucji: prawo do zachowania milczenia, prawo do odmowy przeszukania bez nakazu i prawo do rozmowy z prawnikiem. Noś przy sobie kartę z prawami i pokaż ją, jeśli zostaniesz zatrzymany.""",
    ),
}


def seed(apps, schema_editor):
    Page = apps.get_model("catalog", "Page")
    for language, (title, summary, body) in PAGES.items():
        Page.objects.update_or_create(
            slug=SLUG,
            language=language,
            defaults={
                "translation_key": KEY,
                "title": title,
                "summary": summary,
                "body": body,
                "needs_legal_review": True,
                "published": True,
                "order": 10,
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("catalog", "Page").objects.filter(slug=SLUG).delete()


class Migration(migrations.Migration):
    dependencies = [("safety", "0002_seed_rights_cards"), ("catalog", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
