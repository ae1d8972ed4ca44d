import type {
  Channel,
  ComplaintKind,
  CustomerTier,
  CustomerType,
  Demand,
  EscalationFlag,
  Injury,
  Nature,
  ResponsibilityStage,
  Scope,
  SpecialGroup,
  Validity,
} from '../../../domain/complaint/complaint-vocabulary';

/** Sales regions 大区 of the demo company; shipments and customers are spread over them. */
export type DemoRegion = '华东' | '华南' | '华北' | '西南' | '华中' | '西北';

export type DemoCustomer = {
  /** Short key the stories use (`c01`); the archive code is `DEMO-<prefix>-C01`. */
  readonly key: string;
  readonly name: string;
  readonly type: CustomerType;
  readonly tier: CustomerTier;
  readonly specialGroup?: SpecialGroup;
  readonly region: DemoRegion;
  readonly address: string;
  readonly company?: string;
  readonly contacts?: readonly { readonly name: string; readonly role: string }[];
  readonly notes?: string;
};

export type DemoProduct = {
  readonly code: string;
  readonly name: string;
  readonly model: string;
  readonly category: string;
  /** Unit price in integer fen. */
  readonly priceFen: number;
  readonly warrantyMonths: number | null;
  readonly medicalDevice?: boolean;
};

export type DemoBatch = {
  readonly productCode: string;
  readonly batchNo: string;
  readonly productionDate: string;
  readonly quantity: number;
};

export type DemoShipment = {
  readonly productCode: string;
  readonly batchNo: string;
  readonly region: DemoRegion;
  readonly quantity: number;
  readonly shippedOn: string;
  /** The dealer or retailer it went to, by customer key. */
  readonly dealer?: string;
};

/**
 * What a story is for: ordinary quality problems run through the plan's many states; `major` ones are R-CLS-3
 * major complaints (service manager owns, GM approves compensation); `misuse` ends explained (R-CLS-6), `invalid`
 * not valid (R-CLS-4), `withdraw` withdrawn, `inquiry` a 咨询 resolved without a solution.
 */
export type DemoStoryTag = 'quality' | 'major' | 'misuse' | 'invalid' | 'withdraw' | 'inquiry';

export type DemoSolutionOption = {
  readonly kind: string;
  readonly description: string;
  readonly amountFen: number;
};

/** One realistic complaint: what the customer reported and how the company classifies and settles it. */
export type DemoStory = {
  readonly tag: DemoStoryTag;
  readonly product: string;
  readonly batch?: string;
  /** A customer key; otherwise the loader picks a consumer. */
  readonly customer?: string;
  readonly channel: Channel;
  readonly kind?: ComplaintKind;
  readonly description: string;
  readonly symptom?: string;
  readonly scope?: Scope;
  readonly demands: readonly Demand[];
  readonly claimedAmountFen?: number;
  readonly injury?: Injury;
  readonly flags?: readonly EscalationFlag[];
  readonly customFields?: Readonly<Record<string, string | number>>;
  readonly purchasePlace?: string;
  readonly nature: Nature;
  /** A class code of the preset's taxonomy. */
  readonly severity: string;
  readonly stage: ResponsibilityStage;
  readonly validity?: Validity;
  readonly solution: readonly DemoSolutionOption[];
  /** The resolution summary, or the reason of an explanation, a not-valid ruling or a withdrawal. */
  readonly outcome: string;
};

/** A preset's demo data: reference data and the complaint stories the demo plan runs through the lifecycle. */
export type DemoDataset = {
  /** Upper-case code prefix (`FOOD`): customer codes `DEMO-FOOD-C01`, shipment references `DEMO-FOOD-S01`. */
  readonly prefix: string;
  readonly customers: readonly DemoCustomer[];
  readonly products: readonly DemoProduct[];
  readonly batches: readonly DemoBatch[];
  readonly shipments: readonly DemoShipment[];
  readonly stories: readonly DemoStory[];
};
